using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>What <c>momentum train</c> asks of a trainer: train on the config's data and save the model.</summary>
internal sealed record TrainingRunRequest(TrainingRunConfig Config, TrainerSettings Settings, bool Resume, Action<TrainingProgress> Progress);

/// <summary>How training went, the class names and the final metrics on <see cref="FinalSplit"/> ("test" or "validation").</summary>
internal sealed record TrainingRunOutcome(TrainingResult Result, IReadOnlyList<string> ClassNames, ClassificationMetrics? Final, string FinalSplit);

/// <summary>
/// The seam between the CLI and the trainers: one implementation per scenario loads the data the config names,
/// builds the trainer from <see cref="TrainingRunRequest.Settings"/>, passes <see cref="TrainingRunRequest.Progress"/>
/// as its MetricsCallback, resumes from the workspace's checkpoint when asked, and saves the model to
/// <c>Config.Output.ModelPath</c>. Missing or malformed data: <see cref="FileNotFoundException"/> or
/// <see cref="InvalidDataException"/> (exit code 3).
/// </summary>
internal interface ITrainingBackend
{
    bool Supports(string scenario);

    TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken);
}
