using Microsoft.ML.Momentum.Cli.Running;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>A trainer stand-in: replays synthetic progress, writes a model file, or throws what it is told to.</summary>
internal sealed class FakeBackend(Exception? failure = null) : ITrainingBackend
{
    public TrainingRunRequest? LastRequest { get; private set; }

    public bool Supports(string scenario) => true;

    public TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        if (failure is not null) throw failure;
        foreach (var p in SyntheticRun.Progress(epochs: 2)) request.Progress(p);
        Directory.CreateDirectory(Path.GetDirectoryName(request.Config.Output.ModelPath)!);
        File.WriteAllText(request.Config.Output.ModelPath, "model");
        var result = new TrainingResult { History = [], SelectedEpoch = 2, StoppedEarly = false, Steps = 200 };
        return new TrainingRunOutcome(result, SyntheticRun.ClassNames, SyntheticRun.Metrics(0.9, 0.3), "test");
    }
}
