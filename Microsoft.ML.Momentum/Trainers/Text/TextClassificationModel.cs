using System.Text.Json.Nodes;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// A trained text classifier: predicts the label and per-class scores of texts (or text pairs), one or a batch,
/// evaluates labelled data, and saves to / loads from one versioned zip holding the weights, architecture, class
/// names, column names and the featurizer (tokenizer settings, vocabulary, n-gram hashing, MaxTokens), so a loaded
/// model tokenizes exactly as training did. Thread-safe.
/// </summary>
public sealed class TextClassificationModel : ClassificationModel
{
    internal const string Task = "textClassification";
    private const string FeaturizerEntry = "featurizer.json";
    private const int PredictionBatch = 256;

    internal TextClassificationModel(TorchModel model, TextFeaturizer featurizer, TextReadSettings columns, bool isPair,
        TrainingResult? training, Optimizer? optimizer, TextDataReport? trainingData)
        : base(model, featurizer.LabelMap!.Classes, training)
    {
        Featurizer = featurizer;
        LabelColumnName = columns.LabelColumnName ?? "Label";
        TextColumnName = columns.TextColumnName;
        Text2ColumnName = columns.Text2ColumnName;
        IsPair = isPair;
        TrainingData = trainingData;
        TrainingConfiguration = OptimizerNode(optimizer);
    }

    /// <summary>Tokenizer, vocabulary, n-gram hashing and truncation: how texts become the network's input ids.</summary>
    public TextFeaturizer Featurizer { get; }

    /// <summary>Whether the model classifies text pairs (trained with a second text column).</summary>
    public bool IsPair { get; }

    /// <summary>The label column of the training data; <see cref="Evaluate(TextDataSource, UnknownLabelHandling, CancellationToken)"/> reads files with it.</summary>
    public string LabelColumnName { get; }

    /// <summary>The text column of the training data.</summary>
    public string TextColumnName { get; }

    /// <summary>The second text column of the training data, or null for single texts.</summary>
    public string? Text2ColumnName { get; }

    /// <summary>What preparing the training data did; null for a loaded model.</summary>
    public TextDataReport? TrainingData { get; }

    private JsonObject? TrainingConfiguration { get; }

    private bool IncludeNGrams => Network.Architecture == "embedding_bag";

    /// <summary>Predicts the class of a text (any length: only the first MaxTokens words are read; an empty text is valid).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentException">The model classifies text pairs.</exception>
    public ClassPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequirePairs(false);
        return PredictTexts([text], null)[0];
    }

    /// <summary>Predicts the class of a text pair.</summary>
    /// <param name="text">The first text.</param>
    /// <param name="text2">The second text.</param>
    /// <exception cref="ArgumentException">The model classifies single texts.</exception>
    public ClassPrediction Predict(string text, string text2)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(text2);
        RequirePairs(true);
        return PredictTexts([text], [text2])[0];
    }

    /// <summary>Predicts many texts, batched through the network; results are in input order.</summary>
    /// <param name="texts">The texts.</param>
    public IReadOnlyList<ClassPrediction> PredictBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RequirePairs(false);
        return PredictTexts(texts, null);
    }

    /// <summary>Predicts many text pairs, batched through the network; results are in input order.</summary>
    /// <param name="texts">The first texts.</param>
    /// <param name="texts2">The second texts, as many as <paramref name="texts"/>.</param>
    public IReadOnlyList<ClassPrediction> PredictBatch(IReadOnlyList<string> texts, IReadOnlyList<string> texts2)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(texts2);
        RequirePairs(true);
        if (texts2.Count != texts.Count) throw new ArgumentException($"texts2 has {texts2.Count} entries but texts has {texts.Count}.", nameof(texts2));
        return PredictTexts(texts, texts2);
    }

    /// <summary>Accuracy, macro-F1, log-loss, per-class precision/recall and confusion matrix on labelled data, read with the training data's column names.</summary>
    /// <param name="data">Labelled examples.</param>
    /// <param name="unknownLabels">
    /// A label never seen in training is an error naming the label and its line (<see cref="UnknownLabelHandling.Error"/>, the
    /// default), or the example is left out (<see cref="UnknownLabelHandling.Skip"/>; the metrics' Count says how many were scored).
    /// </param>
    /// <param name="cancellation">Stops the evaluation.</param>
    /// <exception cref="TextDataException">The data cannot be read, or holds an unknown label; the message names the file and line.</exception>
    public ClassificationMetrics Evaluate(TextDataSource data, UnknownLabelHandling unknownLabels = UnknownLabelHandling.Error, CancellationToken cancellation = default)
        => Evaluate(data, LabelColumnName, TextColumnName, Text2ColumnName, unknownLabels, cancellation);

    /// <summary>Like <see cref="Evaluate(TextDataSource, UnknownLabelHandling, CancellationToken)"/> with the columns of a file source named.</summary>
    /// <param name="data">Labelled examples.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="textColumnName">The text column.</param>
    /// <param name="text2ColumnName">The second text column (pair models), or null.</param>
    /// <param name="unknownLabels">Error (default) or Skip for labels never seen in training.</param>
    /// <param name="cancellation">Stops the evaluation.</param>
    public ClassificationMetrics Evaluate(TextDataSource data, string labelColumnName, string textColumnName, string? text2ColumnName = null,
        UnknownLabelHandling unknownLabels = UnknownLabelHandling.Error, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        if (unknownLabels is not (UnknownLabelHandling.Error or UnknownLabelHandling.Skip))
        {
            throw new ArgumentException($"Evaluation takes UnknownLabelHandling.Error or Skip; an example kept with an unknown label cannot be scored.", nameof(unknownLabels));
        }
        var examples = data.Load(new TextReadSettings(labelColumnName, textColumnName, text2ColumnName, EmptyTextHandling.Skip));
        if (examples.IsPair != IsPair)
        {
            throw new TextDataException(examples.SourceName, null, null, IsPair
                ? "the model classifies text pairs but the data holds single texts; name the second text column."
                : "the model classifies single texts but the data holds text pairs.");
        }
        var featurized = Featurizer.Featurize(examples, unknownLabels, cancellation);
        if (featurized.Count == 0) throw new TextDataException(examples.SourceName, null, null, "no examples are left to evaluate.");
        return EvaluateSource(new TextBatchSource(featurized, IncludeNGrams), PredictionBatch, cancellation);
    }

    /// <summary>Writes the model zip atomically (an existing file is replaced only by a complete new one).</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        var preprocessing = new JsonObject
        {
            ["featurizer"] = FeaturizerEntry,
            ["labelColumnName"] = LabelColumnName,
            ["textColumnName"] = TextColumnName,
            ["text2ColumnName"] = Text2ColumnName,
            ["isPair"] = IsPair,
        };
        var attachments = new Dictionary<string, string> { [FeaturizerEntry] = Featurizer.ToJson() };
        SaveArchive(path, Task, preprocessing, TrainingNode(Training, TrainingConfiguration), attachments);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <param name="path">The model zip.</param>
    /// <param name="device">Where to put the weights; the CPU when null.</param>
    /// <exception cref="InvalidDataException">The file is not a text model of a readable version; the message says why.</exception>
    public static TextClassificationModel Load(string path, ComputeDevice? device = null)
    {
        var (manifest, model) = ModelArchive.Load(path, Task, device);
        try
        {
            var p = manifest.Preprocessing;
            var entry = p["featurizer"]!.GetValue<string>();
            var json = manifest.Attachments!.TryGetValue(entry, out var text) ? text : throw new InvalidDataException($"'{path}' lacks the featurizer entry '{entry}'.");
            var featurizer = TextFeaturizer.FromJson(json);
            if (featurizer.LabelMap is null || !featurizer.LabelMap.Classes.SequenceEqual(manifest.ClassNames))
            {
                throw new InvalidDataException($"'{path}': the featurizer's classes do not match the model's ({string.Join(", ", manifest.ClassNames)}).");
            }
            if (manifest.Network.Options.TryGetValue("vocabulary", out var rows) && rows != featurizer.IdCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"'{path}': the network has {rows} embedding rows but the featurizer produces {featurizer.IdCount} ids.");
            }
            var columns = new TextReadSettings(p["labelColumnName"]!.GetValue<string>(), p["textColumnName"]!.GetValue<string>(),
                p["text2ColumnName"]?.GetValue<string>(), EmptyTextHandling.Skip);
            return new TextClassificationModel(model, featurizer, columns, p["isPair"]!.GetValue<bool>(), ResultOf(manifest.Training), null, null);
        }
        catch (InvalidDataException)
        {
            model.Dispose();
            throw;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            model.Dispose();
            throw new InvalidDataException($"'{path}': the text preprocessing in model.json is malformed ({e.Message}).", e);
        }
    }

    private void RequirePairs(bool pairs)
    {
        if (pairs == IsPair) return;
        throw new ArgumentException(IsPair
            ? $"This model classifies text pairs ({TextColumnName}, {Text2ColumnName}); pass both texts."
            : "This model classifies single texts; it was not trained on pairs.");
    }

    private ClassPrediction[] PredictTexts(IReadOnlyList<string> texts, IReadOnlyList<string>? texts2)
    {
        var results = new List<ClassPrediction>(texts.Count);
        var tokens = Array.Empty<long>();
        for (var start = 0; start < texts.Count; start += PredictionBatch)
        {
            var n = Math.Min(PredictionBatch, texts.Count - start);
            var chunk = Slice(texts, start, n);
            var featurized = Featurizer.FeaturizeTexts(chunk, texts2 is null ? null : Slice(texts2, start, n));
            var length = TextBatchSource.WriteTokens(featurized, Enumerable.Range(0, n).ToArray(), IncludeNGrams, ref tokens);
            var batch = tokens;
            results.AddRange(PredictMany(n, (model, logits) => model.ForwardTokens(batch.AsSpan(0, n * length), length, logits)));
        }
        return results.ToArray();
    }

    private static string?[] Slice(IReadOnlyList<string> items, int start, int count)
    {
        var slice = new string?[count];
        for (var i = 0; i < count; i++) slice[i] = items[start + i] ?? throw new ArgumentNullException(nameof(items), $"Text #{start + i} is null.");
        return slice;
    }
}
