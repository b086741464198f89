using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The trainingOption section: the trainers' Options (ML.NET names) as read from the file.</summary>
internal sealed record TrainingOptionConfig
{
    /// <summary>null: the scenario's default (smallCnn, embeddingBag).</summary>
    public string? Architecture { get; init; }

    public int BatchSize { get; init; } = 32;

    public int MaxEpoch { get; init; } = 10;

    public double? LearningRate { get; init; }

    /// <summary>The optimizer as the library's JSON (null: the trainer's default).</summary>
    public string? OptimizerJson { get; init; }

    /// <summary>The learning-rate schedule as the library's JSON (null: the optimizer's own).</summary>
    public string? LearningRateScheduleJson { get; init; }

    public double? WeightDecay { get; init; }

    /// <summary>null: the trainer's default (used only without separate validation data).</summary>
    public double? ValidationSetFraction { get; init; }

    public EarlyStoppingCriteria? EarlyStoppingCriteria { get; init; }

    public int Seed { get; init; } = 1;

    public int CheckpointEveryNEpochs { get; init; } = 1;

    public int LogEveryNSteps { get; init; } = 50;

    public int? ImageSize { get; init; }

    public int CropPadding { get; init; }

    public bool HorizontalFlip { get; init; }

    public bool SkipInvalidImages { get; init; }

    public int? MaxTokens { get; init; }

    public int? NGramLength { get; init; }

    /// <summary>A new optimizer from <see cref="OptimizerJson"/>, or null.</summary>
    public Optimizer? CreateOptimizer() => OptimizerJson is { } json ? Optimizers.OptimizerJson.Deserialize(json) : null;

    /// <summary>A new schedule from <see cref="LearningRateScheduleJson"/>, or null.</summary>
    public Schedule? CreateLearningRateSchedule() => LearningRateScheduleJson is { } json ? Optimizers.OptimizerJson.DeserializeSchedule(json) : null;
}
