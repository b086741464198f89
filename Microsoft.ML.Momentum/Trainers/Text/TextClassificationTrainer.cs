using System.Diagnostics;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// The text training engine: trains a classifier from scratch (fastText-style EmbeddingBag with hashed n-grams,
/// TextCNN or a small Transformer) with any of the library's optimizers. Applications train through the ML.NET
/// estimator (<c>mlContext.MulticlassClassification.Trainers.MomentumTextClassification</c>), which reads its data
/// views and calls this class; using it directly, <see cref="Fit(TextDataSource, CancellationToken)"/> reads files or
/// memory without ML.NET. The vocabulary is built from the training split only.
/// </summary>
/// <example>
/// <code>
/// var trainer = new TextClassificationTrainer(new TextClassificationTrainer.Options
/// {
///     Seed = 1, LabelColumnName = "Sentiment", TextColumnName = "Review", Optimizer = new DemonAdam(), MaxEpoch = 5, StripHtml = true,
/// });
/// using var model = trainer.Fit(TextDataSource.FromCsv("reviews.csv"));
/// Console.WriteLine(model.Predict("A wonderful, moving film.").PredictedLabel);
/// model.Save("sentiment.zip");
/// </code>
/// </example>
public sealed partial class TextClassificationTrainer
{
    private readonly Options _options;
    private readonly int? _contextSeed;

    /// <summary>Creates a trainer; the options are validated at once and read again at <see cref="Fit(TextDataSource, CancellationToken)"/>.</summary>
    /// <param name="options">The options (defaults when null).</param>
    /// <param name="contextSeed">Seed used when the options set none.</param>
    public TextClassificationTrainer(Options? options = null, int? contextSeed = null)
    {
        _options = options ?? new Options();
        _options.Validate();
        _contextSeed = contextSeed;
    }

    /// <summary>The default optimizer: Adam with learning rate 1e-3 (PyTorch's default; reaches the IMDB targets for EmbeddingBag and TextCnn).</summary>
    public static Optimizer DefaultOptimizer() => new Adam { LearningRate = 1e-3 };

    /// <summary>Trains on <paramref name="data"/> and returns the trained model.</summary>
    /// <param name="data">Labelled training text.</param>
    /// <param name="cancellation">
    /// Stops training between steps; with <c>WorkspacePath</c> set a checkpoint is written first, and a later
    /// <c>Fit</c> on the same data with <c>ResumeFromCheckpoint</c> continues exactly where this one stopped.
    /// </param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="TextDataException">The data cannot be used (the message names the file, line and column).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public TextClassificationModel Fit(TextDataSource data, CancellationToken cancellation = default) => Fit(data, null, cancellation);

    /// <summary>
    /// Trains on <paramref name="data"/>; with <paramref name="warmStart"/> the run continues from the previous model's
    /// weights, with its architecture, featurizer (tokenizer, vocabulary, n-grams) and class order.
    /// </summary>
    internal TextClassificationModel Fit(TextDataSource data, WarmStart? warmStart, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options.Validate();
        var previous = (TextClassificationModel?)warmStart?.Previous;
        var optimizerState = warmStart?.OptimizerState;
        var seed = TrainingSession.SeedOf(_options, _contextSeed);
        var device = TrainingSession.Prepare(_options);
        var (featurizer, train, validation, isPair, report) = Prepare(data, seed, previous, cancellation);
        var model = previous?.CopyNetwork(device, (ulong)seed) ?? TorchModel.Create(NetworkFor(featurizer), device, (ulong)seed);
        try
        {
            var bag = model.Spec.Architecture == "embedding_bag";
            using var optimizer = TrainingSession.CreateOptimizer(_options, DefaultOptimizer, train.Count);
            var trainSource = new TextBatchSource(train, includeNGrams: bag);
            var validationSource = validation is null ? null : new TextBatchSource(validation, includeNGrams: bag);
            var result = TrainingSession.Run(_options, seed, model, optimizer, trainSource, validationSource, augment: false, optimizerState, cancellation);
            return new TextClassificationModel(model, featurizer, _options.ReadSettings, isPair, result, optimizer, report)
            {
                OptimizerState = TrainingSession.Keep(_options, optimizer),
            };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads, splits and featurizes the data; the featurizer is fitted on the training split only, or is
    /// <paramref name="previous"/>'s (a warm start keeps the vocabulary and class order the weights were trained with).
    /// </summary>
    private (TextFeaturizer Featurizer, FeaturizedTextDataSet Train, FeaturizedTextDataSet? Validation, bool IsPair, TextDataReport Report)
        Prepare(TextDataSource data, int seed, TextClassificationModel? previous, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var settings = _options.ReadSettings;
        var all = data.Load(settings);
        if (_options.Text2ColumnName is { } text2 && !all.IsPair)
        {
            throw new TextDataException(all.SourceName, null, text2, "Text2ColumnName is set but the examples hold single texts.");
        }
        if (previous is not null && previous.IsPair != all.IsPair)
        {
            throw new TextDataException(all.SourceName, null, null, $"the previous model classifies {(previous.IsPair ? "text pairs" : "single texts")}, these examples hold {(all.IsPair ? "text pairs" : "single texts")}.");
        }
        var labels = previous?.Featurizer.LabelMap ?? LabelMap.FromTrainingData(all);
        var (train, heldOut) = Split(all, labels, seed);
        var validationData = _options.ValidationSet?.Load(settings) ?? heldOut;
        if (validationData is not null && validationData.Count > 0 && validationData.IsPair != all.IsPair)
        {
            throw new TextDataException(validationData.SourceName, null, null, "the validation set and the training data differ: one holds text pairs, the other single texts.");
        }
        var featurizer = previous?.Featurizer ?? TextFeaturizer.Fit(train, _options.FeaturizerOptions, cancellation);
        if (featurizer.LabelMap!.Count != labels.Count) throw new InvalidOperationException("The training split lost a class.");
        var trainSet = featurizer.Featurize(train, UnknownLabelHandling.Error, cancellation);
        var validationSet = validationData is { Count: > 0 } ? featurizer.Featurize(validationData, UnknownLabelHandling.Error, cancellation) : null;
        var report = new TextDataReport
        {
            LoadedCount = all.Count,
            SkippedEmptyTextCount = all.SkippedEmptyTextCount,
            SkippedEmptyTextLines = all.SkippedEmptyTextLines,
            TrainCount = trainSet.Count,
            ValidationCount = validationSet?.Count ?? 0,
            TruncatedCount = trainSet.TruncatedCount,
            VocabularySize = featurizer.Vocabulary.Count,
            IdCount = featurizer.IdCount,
            Elapsed = clock.Elapsed,
        };
        return (featurizer, trainSet, validationSet, all.IsPair, report);
    }

    /// <summary>Holds out <c>ValidationSetFraction</c> of each class (none when a validation set is given or the fraction is 0).</summary>
    private (TextDataSet Train, TextDataSet? Validation) Split(TextDataSet all, LabelMap labels, int seed)
    {
        if (_options.ValidationSet is not null || _options.ValidationSetFraction == 0) return (all, null);
        var classes = all.Select(e => labels.GetClass(e.Label!)).ToArray();
        var (trainIndices, validationIndices) = StratifiedSplit.Split(classes, _options.ValidationSetFraction, seed);
        return (all.Subset(trainIndices), validationIndices.Length == 0 ? null : all.Subset(validationIndices));
    }

    private NetworkSpec NetworkFor(TextFeaturizer featurizer)
    {
        var classes = featurizer.LabelMap!.Count;
        var dimension = _options.ResolvedDimension;
        var spec = _options.Architecture switch
        {
            TextClassificationArchitecture.EmbeddingBag => NetworkSpec.EmbeddingBag(featurizer.IdCount, classes, dimension),
            TextClassificationArchitecture.TextCnn => NetworkSpec.TextCnn(featurizer.IdCount, classes, dimension, [.. _options.TextCnnWindowSizes], _options.TextCnnFilters),
            _ => NetworkSpec.Transformer(featurizer.IdCount, classes, dimension, _options.TransformerLayers, _options.TransformerHeads, featurizer.MaxTokens),
        };
        return _options.Dropout is { } dropout ? spec.With("dropout", dropout.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : spec;
    }
}
