using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>What <c>momentum train</c> asks of a trainer: train on the config's data and save the model.</summary>
internal sealed record TrainingRunRequest(TrainingRunConfig Config, bool Resume, Action<TrainingProgress> Progress);

/// <summary>
/// How training went, the class names, the final metrics on <see cref="FinalSplit"/> ("test" or "validation"), and
/// what became of the ML.NET model zip (<see cref="MlNetModelFile"/>: its path, or why it was not written).
/// </summary>
internal sealed record TrainingRunOutcome(TrainingResult Result, IReadOnlyList<string> ClassNames, ClassificationMetrics? Final, string FinalSplit,
    string MlNetModel = "");

/// <summary>
/// The seam between the CLI and the trainers: one implementation per scenario turns the data the config names
/// into ML.NET data views, fits the scenario's ML.NET estimator with the options of <see cref="RunOptions"/>
/// (<see cref="TrainingRunRequest.Progress"/> as its MetricsCallback, resuming from the workspace's checkpoint when
/// asked), and saves the model to <c>Config.Output.ModelPath</c> and the ML.NET zip to <c>Config.Output.MlNetModelPath</c>. Missing or malformed data: <see cref="FileNotFoundException"/> or
/// <see cref="InvalidDataException"/> (exit code 3).
/// </summary>
internal interface ITrainingBackend
{
    bool Supports(string scenario);

    TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken);
}
