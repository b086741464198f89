using System.Text.Json.Nodes;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// A trained image classifier: predicts the label and per-class scores of images (one or a batch, from
/// files, encoded bytes or pixels), evaluates labelled data, and saves to / loads from one versioned zip
/// holding the weights, architecture, class names, input size, channels and normalization. Thread-safe.
/// </summary>
public sealed class ImageClassificationModel : ClassificationModel
{
    internal const string Task = "imageClassification";
    private const int PredictionBatch = 256;

    internal ImageClassificationModel(TorchModel model, IReadOnlyList<string> classNames, ImageInputTransform input,
        TrainingResult? training, Optimizer? optimizer, ImageLoadReport? trainingData)
        : base(model, classNames, training)
    {
        Input = input;
        TrainingData = trainingData;
        TrainingConfiguration = OptimizerNode(optimizer);
    }

    /// <summary>Channels, size and normalization every input image is brought to (those of the training data).</summary>
    public ImageInputTransform Input { get; }

    /// <summary>What loading the training data did (images loaded, skipped, resized, converted); null for a loaded model.</summary>
    public ImageLoadReport? TrainingData { get; }

    private JsonObject? TrainingConfiguration { get; }

    /// <summary>Predicts the class of an image file (any size and channel count; converted like the training data).</summary>
    /// <param name="imagePath">A PNG, JPEG, BMP or GIF file.</param>
    /// <exception cref="InvalidDataException">The file is not a readable image; the message names it.</exception>
    public ClassPrediction Predict(string imagePath) => PredictInputs(1, (input, _) => Input.Write(ImageDecoder.DecodeFile(imagePath), input))[0];

    /// <summary>Predicts the class of an encoded image (PNG, JPEG, BMP or GIF bytes).</summary>
    /// <param name="encoded">The file contents.</param>
    public ClassPrediction Predict(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return PredictInputs(1, (input, _) => Input.Write(encoded, input))[0];
    }

    /// <summary>Predicts the class of decoded pixels.</summary>
    /// <param name="image">The image.</param>
    public ClassPrediction Predict(DecodedImage image) => PredictInputs(1, (input, _) => Input.Write(image, input))[0];

    /// <summary>Predicts many image files, batched through the network.</summary>
    /// <param name="imagePaths">Image files.</param>
    public IReadOnlyList<ClassPrediction> PredictBatch(IReadOnlyList<string> imagePaths)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        return PredictInputs(imagePaths.Count, (input, i) => Input.Write(ImageDecoder.DecodeFile(imagePaths[i]), input));
    }

    /// <summary>Predicts many decoded images, batched through the network.</summary>
    /// <param name="images">The images.</param>
    public IReadOnlyList<ClassPrediction> PredictBatch(IReadOnlyList<DecodedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return PredictInputs(images.Count, (input, i) => Input.Write(images[i], input));
    }

    /// <summary>Accuracy, macro-F1, log-loss, per-class precision/recall and confusion matrix on labelled images.</summary>
    /// <param name="data">Labelled images whose labels are among <see cref="ClassificationModel.ClassNames"/>.</param>
    /// <param name="cancellation">Stops the evaluation.</param>
    public ClassificationMetrics Evaluate(ImageDataSource data, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var settings = new ImageReadSettings("Label", "ImagePath", Input.Size, (ImageColorMode)Input.Channels, false);
        return Evaluate(data, settings, cancellation);
    }

    /// <summary>Like <see cref="Evaluate(ImageDataSource, CancellationToken)"/> with the columns of a table source named.</summary>
    /// <param name="data">Labelled images.</param>
    /// <param name="labelColumnName">Label column of a table source.</param>
    /// <param name="imageColumnName">Image-path column of a table source.</param>
    /// <param name="cancellation">Stops the evaluation.</param>
    public ClassificationMetrics Evaluate(ImageDataSource data, string labelColumnName, string imageColumnName, CancellationToken cancellation = default)
        => Evaluate(data, new ImageReadSettings(labelColumnName, imageColumnName, Input.Size, (ImageColorMode)Input.Channels, false), cancellation);

    /// <summary>Writes the model zip atomically (an existing file is replaced only by a complete new one).</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        var preprocessing = new JsonObject
        {
            ["channels"] = Input.Channels,
            ["height"] = Input.Size.Height,
            ["width"] = Input.Size.Width,
            ["mean"] = new JsonArray(Input.Normalization.Mean.Select(m => (JsonNode?)m).ToArray()),
            ["stdDev"] = new JsonArray(Input.Normalization.StdDev.Select(s => (JsonNode?)s).ToArray()),
        };
        SaveArchive(path, Task, preprocessing, TrainingNode(Training, TrainingConfiguration));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <param name="path">The model zip.</param>
    /// <param name="device">Where to put the weights; the CPU when null.</param>
    /// <exception cref="InvalidDataException">The file is not an image model of a readable version; the message says why.</exception>
    public static ImageClassificationModel Load(string path, ComputeDevice? device = null)
    {
        var (manifest, model) = ModelArchive.Load(path, Task, device);
        try
        {
            var p = manifest.Preprocessing;
            var input = new ImageInputTransform(
                p["channels"]!.GetValue<int>(),
                new ImageSize(p["height"]!.GetValue<int>(), p["width"]!.GetValue<int>()),
                new ChannelNormalization(p["mean"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray(), p["stdDev"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray()));
            return new ImageClassificationModel(model, manifest.ClassNames, input, ResultOf(manifest.Training), null, null);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            model.Dispose();
            throw new InvalidDataException($"'{path}': the image preprocessing in model.json is malformed ({e.Message}).", e);
        }
    }

    private ClassificationMetrics Evaluate(ImageDataSource data, ImageReadSettings settings, CancellationToken cancellation)
    {
        var images = data.Load(settings, ClassNames, cancellation).Images;
        using var source = new ImageBatchSource(images, Input.Normalization);
        return EvaluateSource(source, PredictionBatch, cancellation);
    }

    /// <summary>Writes the inputs of examples 0..count−1 with <paramref name="write"/>, batch by batch, and predicts them.</summary>
    private ClassPrediction[] PredictInputs(int count, Action<Span<float>, int> write)
    {
        var length = Input.InputLength;
        var results = new List<ClassPrediction>(count);
        var inputs = new float[Math.Min(count, PredictionBatch) * length];
        for (var start = 0; start < count; start += PredictionBatch)
        {
            var n = Math.Min(PredictionBatch, count - start);
            for (var i = 0; i < n; i++) write(inputs.AsSpan(i * length, length), start + i);
            results.AddRange(PredictMany(n, (model, logits) => model.Forward(inputs.AsSpan(0, n * length), logits)));
        }
        return results.ToArray();
    }
}
