// Trains a text classifier in an ML.NET pipeline on a CSV file (Label,Text with a header), evaluates it on held-out
// rows and predicts a new sentence with a PredictionEngine.
// Usage: dotnet run -c Release --project samples/TextClassification [file.csv]
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Momentum;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;

var csv = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "topics.csv");
var mlContext = new MLContext(seed: 1);
var data = mlContext.Data.LoadFromTextFile<Review>(csv,
    new TextLoader.Options { Separators = [','], HasHeader = true, AllowQuoting = true, ReadMultilines = true });
var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
    .Append(mlContext.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options
    {
        Trainer = new TextClassificationTrainer.Options { Optimizer = new DemonAdam { LearningRate = 0.02 }, MaxEpoch = 10, EmbeddingDimension = 16 },
    }))
    .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

Console.WriteLine($"Training on '{csv}' …");
var model = pipeline.Fit(split.TrainSet);

var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"test accuracy {metrics.MicroAccuracy:P2}, log-loss {metrics.LogLoss:F3}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

var engine = mlContext.Model.CreatePredictionEngine<Review, TextPrediction>(model);
const string sentence = "Whisk the eggs with sugar and bake the cake for forty minutes.";
var prediction = engine.Predict(new Review { Text = sentence });
Console.WriteLine($"\"{sentence}\": predicted {prediction.PredictedClass}, score {prediction.Score.Max():P1}");

/// <summary>A row of the CSV file.</summary>
internal sealed class Review
{
    /// <summary>The class.</summary>
    [LoadColumn(0)]
    public string Label { get; set; } = "";

    /// <summary>The text.</summary>
    [LoadColumn(1)]
    public string Text { get; set; } = "";
}

/// <summary>What the PredictionEngine returns.</summary>
internal sealed class TextPrediction
{
    /// <summary>Class probabilities, in label-key order.</summary>
    public float[] Score { get; set; } = [];

    /// <summary>The predicted class name.</summary>
    public string PredictedClass { get; set; } = "";
}
