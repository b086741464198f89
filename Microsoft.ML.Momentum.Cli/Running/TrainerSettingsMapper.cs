using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Maps a validated config onto the trainers' Options names (<see cref="TrainerSettings"/>).</summary>
internal static class TrainerSettingsMapper
{
    public static TrainerSettings Map(TrainingRunConfig config)
    {
        var t = config.TrainingOption;
        var c = config.DataSource.Columns;
        return config.IsImage
            ? new ImageTrainerSettings
            {
                LabelColumnName = c.Label,
                ImageColumnName = c.Image,
                Architecture = t.Architecture ?? ConfigNames.ImageArchitectures[0],
                ImageSize = t.ImageSize is { } side ? new ImageSize(side, side) : null,
                Augmentation = t.CropPadding > 0 || t.HorizontalFlip ? new ImageAugmentation(t.CropPadding, t.HorizontalFlip) : null,
                SkipInvalidImages = t.SkipInvalidImages,
                BatchSize = t.BatchSize, MaxEpoch = t.MaxEpoch, LearningRate = t.LearningRate,
                Optimizer = t.CreateOptimizer(), LearningRateSchedule = t.CreateLearningRateSchedule(), WeightDecay = t.WeightDecay,
                ValidationSetFraction = t.ValidationSetFraction, EarlyStoppingCriteria = t.EarlyStoppingCriteria, Seed = t.Seed,
                Device = config.Environment.Device, NumberOfThreads = config.Environment.NumberOfThreads,
                WorkspacePath = config.Output.WorkspacePath, CheckpointEveryNEpochs = t.CheckpointEveryNEpochs, LogEveryNSteps = t.LogEveryNSteps,
            }
            : new TextTrainerSettings
            {
                LabelColumnName = c.Label,
                TextColumnName = c.Text,
                Text2ColumnName = c.Text2,
                Architecture = t.Architecture ?? ConfigNames.TextArchitectures[0],
                MaxTokens = t.MaxTokens,
                NGramLength = t.NGramLength,
                BatchSize = t.BatchSize, MaxEpoch = t.MaxEpoch, LearningRate = t.LearningRate,
                Optimizer = t.CreateOptimizer(), LearningRateSchedule = t.CreateLearningRateSchedule(), WeightDecay = t.WeightDecay,
                ValidationSetFraction = t.ValidationSetFraction, EarlyStoppingCriteria = t.EarlyStoppingCriteria, Seed = t.Seed,
                Device = config.Environment.Device, NumberOfThreads = config.Environment.NumberOfThreads,
                WorkspacePath = config.Output.WorkspacePath, CheckpointEveryNEpochs = t.CheckpointEveryNEpochs, LogEveryNSteps = t.LogEveryNSteps,
            };
    }
}
