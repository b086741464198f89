using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The trainers' Options as a config file sets them, under the trainers' own (ML.NET) names, so that wiring a
/// trainer is a property-by-property copy. Shared by both scenarios; see the two subclasses for the rest.
/// Null means "the trainer's default".
/// </summary>
internal abstract record TrainerSettings
{
    public required string LabelColumnName { get; init; }
    public required int BatchSize { get; init; }
    public required int MaxEpoch { get; init; }
    public double? LearningRate { get; init; }
    public Optimizer? Optimizer { get; init; }
    public Schedule? LearningRateSchedule { get; init; }
    public double? WeightDecay { get; init; }
    public double? ValidationSetFraction { get; init; }
    public EarlyStoppingCriteria? EarlyStoppingCriteria { get; init; }
    public required int Seed { get; init; }
    public required string Device { get; init; }
    public int? NumberOfThreads { get; init; }
    public required string WorkspacePath { get; init; }
    public required int CheckpointEveryNEpochs { get; init; }
    public required int LogEveryNSteps { get; init; }
}

/// <summary>ImageClassificationTrainer.Options as set by a config.</summary>
internal sealed record ImageTrainerSettings : TrainerSettings
{
    public required string ImageColumnName { get; init; }
    /// <summary>smallCnn, resNet or mlp.</summary>
    public required string Architecture { get; init; }
    /// <summary>The size images are resized to (config: imageSize, square); null: the data's most common size.</summary>
    public ImageSize? ImageSize { get; init; }
    /// <summary>Random crop and flip; null when the config turns neither on.</summary>
    public ImageAugmentation? Augmentation { get; init; }
    public bool SkipInvalidImages { get; init; }
}

/// <summary>TextClassificationTrainer.Options as set by a config.</summary>
internal sealed record TextTrainerSettings : TrainerSettings
{
    public required string TextColumnName { get; init; }
    public string? Text2ColumnName { get; init; }
    /// <summary>embeddingBag, textCnn or transformer.</summary>
    public required string Architecture { get; init; }
    public int? MaxTokens { get; init; }
    public int? NGramLength { get; init; }
}
