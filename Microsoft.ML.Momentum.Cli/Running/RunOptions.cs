using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The trainer options of one <c>momentum train</c> run: a copy of the config's, with what the command line and
/// the environment and output sections decide (device, threads, workspace, resume, progress) and the seed resolved,
/// so that the run's seed is known for the metrics.
/// </summary>
internal static class RunOptions
{
    /// <summary>The seed a run of <paramref name="config"/> uses: its trainingOption.seed, else the trainers' default.</summary>
    public static int SeedOf(TrainingRunConfig config) => config.TrainingOption.Seed ?? TrainingSession.DefaultSeed;

    public static ClassificationTrainerOptions For(TrainingRunConfig config, bool resume, Action<TrainingProgress> progress)
    {
        var options = config.TrainingOption.ShallowCopy<ClassificationTrainerOptions>();
        options.Seed = SeedOf(config);
        options.Device = DeviceOption.Resolve(config.Environment.Device, $"{config.SourcePath}: environment.device");
        options.NumberOfThreads = config.Environment.NumberOfThreads;
        options.WorkspacePath = config.Output.WorkspacePath;
        options.ResumeFromCheckpoint = resume;
        options.MetricsCallback = progress;
        if (config.DataSource.Validation is not null) options.ValidationSetFraction = 0;
        return options;
    }
}
