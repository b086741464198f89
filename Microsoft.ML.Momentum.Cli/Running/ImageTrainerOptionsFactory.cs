using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary><see cref="ImageTrainerSettings"/> → <see cref="ImageClassificationTrainer.Options"/>, property by property.</summary>
internal static class ImageTrainerOptionsFactory
{
    public static ImageClassificationTrainer.Options Create(ImageTrainerSettings s, ComputeDevice device, ImageDataSource? validationSet,
        bool resume, Action<TrainingProgress> progress) => new()
    {
        LabelColumnName = s.LabelColumnName,
        ImageColumnName = s.ImageColumnName,
        Architecture = ArchitectureOf(s.Architecture),
        ImageSize = s.ImageSize,
        Augmentation = s.Augmentation,
        SkipInvalidImages = s.SkipInvalidImages,
        ValidationSet = validationSet,
        BatchSize = s.BatchSize,
        MaxEpoch = s.MaxEpoch,
        Optimizer = s.Optimizer,
        LearningRate = s.LearningRate,
        LearningRateSchedule = s.LearningRateSchedule,
        WeightDecay = s.WeightDecay,
        ValidationSetFraction = validationSet is null ? s.ValidationSetFraction ?? 0.1 : 0,
        EarlyStoppingCriteria = s.EarlyStoppingCriteria,
        MetricsCallback = progress,
        LogEveryNSteps = s.LogEveryNSteps,
        Seed = s.Seed,
        Device = device,
        NumberOfThreads = s.NumberOfThreads,
        WorkspacePath = s.WorkspacePath,
        CheckpointEveryNEpochs = s.CheckpointEveryNEpochs,
        ResumeFromCheckpoint = resume,
    };

    /// <summary>The config's architecture name (smallCnn, resNet, mlp) as the trainer's enum.</summary>
    public static ImageClassificationArchitecture ArchitectureOf(string name) => name switch
    {
        "smallCnn" => ImageClassificationArchitecture.SmallCnn,
        "resNet" => ImageClassificationArchitecture.ResNet,
        "mlp" => ImageClassificationArchitecture.Mlp,
        _ => throw new ConfigException($"architecture '{name}' is not an image architecture; expected one of: {string.Join(", ", ConfigNames.ImageArchitectures)}"),
    };
}
