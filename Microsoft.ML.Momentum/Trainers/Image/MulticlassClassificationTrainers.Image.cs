using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Trainers;

public sealed partial class MulticlassClassificationTrainers
{
    /// <summary>An image classification trainer with full options.</summary>
    /// <param name="options">The trainer's options.</param>
    public ImageClassificationTrainer ImageClassification(ImageClassificationTrainer.Options options)
        => new(options ?? throw new ArgumentNullException(nameof(options)), _context.Seed);

    /// <summary>An image classification trainer with the common settings; every other option keeps its default.</summary>
    /// <param name="labelColumnName">Label column of table sources.</param>
    /// <param name="imageColumnName">Image-path column of table sources.</param>
    /// <param name="optimizer">The optimizer (null: SGD-momentum with cosine decay).</param>
    /// <param name="batchSize">Images per minibatch.</param>
    /// <param name="maxEpoch">Passes over the training data.</param>
    /// <param name="architecture">The network.</param>
    /// <param name="validationSet">Validation images (null: hold out 10% of the training data).</param>
    public ImageClassificationTrainer ImageClassification(string labelColumnName = "Label", string imageColumnName = "ImagePath",
        Optimizer? optimizer = null, int batchSize = 64, int maxEpoch = 10,
        ImageClassificationArchitecture architecture = ImageClassificationArchitecture.SmallCnn, ImageDataSource? validationSet = null)
        => ImageClassification(new ImageClassificationTrainer.Options
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Optimizer = optimizer,
            BatchSize = batchSize,
            MaxEpoch = maxEpoch,
            Architecture = architecture,
            ValidationSet = validationSet,
        });
}
