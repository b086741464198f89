// Trains an image classifier in an ML.NET pipeline on a folder with one sub-folder per class, evaluates it on
// held-out images and predicts one image with a PredictionEngine.
// Usage: dotnet run -c Release --project samples/ImageClassification [image-folder]
using Microsoft.ML;
using Microsoft.ML.Momentum;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;

var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "fashion");
var mlContext = new MLContext(seed: 1);
var rows = Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories)
    .Order(StringComparer.Ordinal)
    .Select(f => new ImageRow { Label = Path.GetFileName(Path.GetDirectoryName(f))!, ImagePath = f })
    .ToArray();
var split = mlContext.Data.TrainTestSplit(mlContext.Data.LoadFromEnumerable(rows), testFraction: 0.2);

var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
    .Append(mlContext.Transforms.LoadRawImageBytes("Image", imageFolder: null, inputColumnName: nameof(ImageRow.ImagePath)))
    .Append(mlContext.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options
    {
        Trainer = new ImageClassificationTrainer.Options
        {
            Architecture = ImageClassificationArchitecture.Mlp,
            Optimizer = new Momo(),
            MaxEpoch = 10,
        },
    }))
    .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

Console.WriteLine($"Training on {rows.Length} images in '{folder}' …");
var model = pipeline.Fit(split.TrainSet);

var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"test accuracy {metrics.MicroAccuracy:P2}, log-loss {metrics.LogLoss:F3}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

var engine = mlContext.Model.CreatePredictionEngine<ImageRow, ImagePrediction>(model);
var first = rows[0];
var prediction = engine.Predict(new ImageRow { ImagePath = first.ImagePath });
Console.WriteLine($"{Path.GetFileName(first.ImagePath)} (a {first.Label}): predicted {prediction.PredictedClass}, score {prediction.Score.Max():P1}");

/// <summary>An input row: the class folder's name and the image file.</summary>
internal sealed class ImageRow
{
    /// <summary>The class (the folder's name).</summary>
    public string Label { get; set; } = "";

    /// <summary>The image file.</summary>
    public string ImagePath { get; set; } = "";
}

/// <summary>What the PredictionEngine returns.</summary>
internal sealed class ImagePrediction
{
    /// <summary>Class probabilities, in label-key order.</summary>
    public float[] Score { get; set; } = [];

    /// <summary>The predicted class name.</summary>
    public string PredictedClass { get; set; } = "";
}
