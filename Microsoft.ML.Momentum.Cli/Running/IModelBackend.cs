using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// What <c>momentum evaluate</c> and <c>predict</c> ask of a scenario: load a model zip whose manifest names
/// <see cref="Task"/> ("imageClassification", "textClassification"). A scenario's backend implements this
/// next to <see cref="ITrainingBackend"/> and is registered once in <see cref="TrainingBackends.All"/>.
/// </summary>
internal interface IModelBackend
{
    /// <summary>The "task" of the model zips this backend reads.</summary>
    string Task { get; }

    /// <summary>Loads the model at <paramref name="path"/>; the caller disposes it.</summary>
    ILoadedModel Load(string path, ComputeDevice device);
}

/// <summary>A loaded classifier as the commands use it.</summary>
internal interface ILoadedModel : IDisposable
{
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Metrics on the labelled data <paramref name="data"/> names (missing or malformed data: exit code 3).</summary>
    ClassificationMetrics Evaluate(EvaluationData data, CancellationToken cancellationToken);

    /// <summary>The inputs of <paramref name="request"/> (an input file and/or inputs on the command line) with their predictions.</summary>
    IReadOnlyList<(string Input, ClassPrediction Prediction)> Predict(PredictionRequest request);
}

/// <summary>
/// Labelled data for <c>evaluate</c>: <see cref="Path"/> is a folder or a table (.csv, .tsv, .json, .jsonl),
/// or with <see cref="LabelsPath"/> an IDX images file. Column names apply to tables (null: the defaults).
/// </summary>
internal sealed record EvaluationData(string Path, string? LabelsPath = null, string? LabelColumn = null, string? InputColumn = null);

/// <summary>Inputs for <c>predict</c>: <see cref="InputFile"/> (one input a line, or a table with <see cref="InputColumn"/>) and/or <see cref="Inputs"/>.</summary>
internal sealed record PredictionRequest(string? InputFile, IReadOnlyList<string> Inputs, string? InputColumn = null);
