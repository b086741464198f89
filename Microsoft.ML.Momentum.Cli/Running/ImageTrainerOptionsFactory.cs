using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary><see cref="ImageTrainerSettings"/> → <see cref="ImageClassificationTrainer.Options"/>, property by property.</summary>
internal static class ImageTrainerOptionsFactory
{
    public static ImageClassificationTrainer.Options Create(ImageTrainerSettings s, ComputeDevice device, ImageDataSource? validationSet,
        bool resume, Action<TrainingProgress> progress)
        => SharedTrainerOptions.Apply(new ImageClassificationTrainer.Options
        {
            ImageColumnName = s.ImageColumnName,
            Architecture = ArchitectureOf(s.Architecture),
            ImageSize = s.ImageSize,
            Augmentation = s.Augmentation,
            SkipInvalidImages = s.SkipInvalidImages,
            ValidationSet = validationSet,
        }, s, device, validationSet is not null, resume, progress);

    /// <summary>The config's architecture name (smallCnn, resNet, mlp) as the trainer's enum.</summary>
    public static ImageClassificationArchitecture ArchitectureOf(string name) => name switch
    {
        "smallCnn" => ImageClassificationArchitecture.SmallCnn,
        "resNet" => ImageClassificationArchitecture.ResNet,
        "mlp" => ImageClassificationArchitecture.Mlp,
        _ => throw new ConfigException($"architecture '{name}' is not an image architecture; expected one of: {string.Join(", ", ConfigNames.ImageArchitectures)}"),
    };
}
