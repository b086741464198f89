using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Trainers;

public sealed partial class MulticlassClassificationTrainers
{
    /// <summary>A text classification trainer with full options.</summary>
    /// <param name="options">The trainer's options.</param>
    public TextClassificationTrainer TextClassification(TextClassificationTrainer.Options options)
        => new(options ?? throw new ArgumentNullException(nameof(options)), _context.Seed);

    /// <summary>A text classification trainer with the common settings; every other option keeps its default.</summary>
    /// <param name="labelColumnName">Label column of file sources.</param>
    /// <param name="textColumnName">Text column of file sources.</param>
    /// <param name="text2ColumnName">Second text column for sentence pairs, or null.</param>
    /// <param name="optimizer">The optimizer (null: Adam, learning rate 1e-3).</param>
    /// <param name="batchSize">Examples per minibatch.</param>
    /// <param name="maxEpoch">Passes over the training data.</param>
    /// <param name="architecture">The network.</param>
    /// <param name="validationSet">Validation data (null: hold out 10% of the training data).</param>
    public TextClassificationTrainer TextClassification(string labelColumnName = "Label", string textColumnName = "Text", string? text2ColumnName = null,
        Optimizer? optimizer = null, int batchSize = 32, int maxEpoch = 10,
        TextClassificationArchitecture architecture = TextClassificationArchitecture.EmbeddingBag, TextDataSource? validationSet = null)
        => TextClassification(new TextClassificationTrainer.Options
        {
            LabelColumnName = labelColumnName,
            TextColumnName = textColumnName,
            Text2ColumnName = text2ColumnName,
            Optimizer = optimizer,
            BatchSize = batchSize,
            MaxEpoch = maxEpoch,
            Architecture = architecture,
            ValidationSet = validationSet,
        });
}
