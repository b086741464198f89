using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The Momentum trainers on <c>mlContext.MulticlassClassification.Trainers</c>. They are named
/// <c>MomentumImageClassification</c> and <c>MomentumTextClassification</c> so that they never clash with ML.NET's own
/// <c>ImageClassification</c> (Microsoft.ML.Vision) and <c>TextClassification</c> (Microsoft.ML.TorchSharp), which are
/// extension methods on the same catalog.
/// </summary>
public static class MomentumCatalog
{
    /// <summary>An image classifier with the common settings; every other option keeps the image trainer's default.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The key-typed label column.</param>
    /// <param name="imageColumnName">The image column: encoded bytes (<c>LoadRawImageBytes</c>) or <c>MLImage</c> (<c>LoadImages</c>).</param>
    /// <param name="scoreColumnName">The output column of class probabilities.</param>
    /// <param name="predictedLabelColumnName">The output column of the predicted label.</param>
    /// <param name="optimizer">The optimizer (null: the image trainer's default, SGD with momentum and cosine decay).</param>
    /// <param name="maxEpoch">Passes over the data (null: the trainer's default).</param>
    /// <param name="batchSize">Images per minibatch (null: the trainer's default).</param>
    /// <param name="architecture">The network (null: the trainer's default, a small CNN).</param>
    /// <param name="validationSet">Data evaluated after every epoch (null: hold out part of the training data).</param>
    public static MomentumImageClassificationTrainer MomentumImageClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label, string imageColumnName = DefaultColumnNames.Image,
        string scoreColumnName = DefaultColumnNames.Score, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel,
        Optimizer? optimizer = null, int? maxEpoch = null, int? batchSize = null, ImageClassificationArchitecture? architecture = null,
        IDataView? validationSet = null)
    {
        var options = new MomentumImageClassificationTrainer.Options
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            ScoreColumnName = scoreColumnName,
            PredictedLabelColumnName = predictedLabelColumnName,
            ValidationSet = validationSet,
        };
        Apply(options.Trainer, optimizer, maxEpoch, batchSize);
        if (architecture is { } network) options.Trainer.Architecture = network;
        return catalog.MomentumImageClassification(options);
    }

    /// <summary>An image classifier with full options.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">The options.</param>
    public static MomentumImageClassificationTrainer MomentumImageClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MomentumImageClassificationTrainer.Options options)
        => new(CatalogEnvironment.Of(catalog), options);

    /// <summary>A text classifier with the common settings; every other option keeps the text trainer's default.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The key-typed label column.</param>
    /// <param name="textColumnName">The text column.</param>
    /// <param name="scoreColumnName">The output column of class probabilities.</param>
    /// <param name="predictedLabelColumnName">The output column of the predicted label.</param>
    /// <param name="optimizer">The optimizer (null: the text trainer's default, Adam).</param>
    /// <param name="maxEpoch">Passes over the data (null: the trainer's default).</param>
    /// <param name="batchSize">Texts per minibatch (null: the trainer's default).</param>
    /// <param name="architecture">The network (null: the trainer's default, EmbeddingBag with bigrams).</param>
    /// <param name="validationSet">Data evaluated after every epoch (null: hold out part of the training data).</param>
    public static MomentumTextClassificationTrainer MomentumTextClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label, string textColumnName = DefaultColumnNames.Text,
        string scoreColumnName = DefaultColumnNames.Score, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel,
        Optimizer? optimizer = null, int? maxEpoch = null, int? batchSize = null, TextClassificationArchitecture? architecture = null,
        IDataView? validationSet = null)
    {
        var options = new MomentumTextClassificationTrainer.Options
        {
            LabelColumnName = labelColumnName,
            TextColumnName = textColumnName,
            ScoreColumnName = scoreColumnName,
            PredictedLabelColumnName = predictedLabelColumnName,
            ValidationSet = validationSet,
        };
        Apply(options.Trainer, optimizer, maxEpoch, batchSize);
        if (architecture is { } network) options.Trainer.Architecture = network;
        return catalog.MomentumTextClassification(options);
    }

    /// <summary>A text classifier with full options.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">The options.</param>
    public static MomentumTextClassificationTrainer MomentumTextClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MomentumTextClassificationTrainer.Options options)
        => new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Sets the settings the simple overloads take, leaving the trainer's defaults where they are null.</summary>
    private static void Apply(ClassificationTrainerOptions trainer, Optimizer? optimizer, int? maxEpoch, int? batchSize)
    {
        trainer.Optimizer = optimizer;
        if (maxEpoch is { } epochs) trainer.MaxEpoch = epochs;
        if (batchSize is { } size) trainer.BatchSize = size;
    }
}
