using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Tests.ImageTrainer;
using Microsoft.ML.Momentum.Tests.TextTrainer;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>A row of the image fixture as ML.NET reads it: the folder name is the label.</summary>
public sealed class ImageRow
{
    public string Label { get; set; } = "";

    public string ImagePath { get; set; } = "";
}

/// <summary>A row of the topic fixture (topics.csv: Label,Text).</summary>
public sealed class TopicRow
{
    [LoadColumn(0)]
    public string Label { get; set; } = "";

    [LoadColumn(1)]
    public string Text { get; set; } = "";
}

/// <summary>A label alone, as <c>MapValueToKey</c>'s key data.</summary>
public sealed class LabelRow
{
    public string Label { get; set; } = "";
}

/// <summary>What PredictionEngine returns: the scores and the predicted class name (MapKeyToValue of PredictedLabel).</summary>
public sealed class ClassOutput
{
    public float[] Score { get; set; } = [];

    public string PredictedClass { get; set; } = "";
}

/// <summary>Fixture data as ML.NET data views, small trainer settings, and a log collector.</summary>
internal static class MLNetFixtures
{
    /// <summary>The 300 fixture images, in a fixed order.</summary>
    public static ImageRow[] ImageRows() => Directory.EnumerateFiles(ImageTrainerFixture.Fashion, "*.png", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => new ImageRow { Label = Path.GetFileName(Path.GetDirectoryName(f))!, ImagePath = f })
        .ToArray();

    /// <summary>The image trainer's fast test settings for 2 epochs, with the seed left to the MLContext.</summary>
    public static ImageClassificationTrainer.Options FastImages() => ImageTrainerFixture.Options(o =>
    {
        o.MaxEpoch = 2;
        o.Seed = null;
    });

    /// <summary>The text trainer's fast test settings, with the seed left to the MLContext.</summary>
    public static TextClassificationTrainer.Options FastText(int maxEpoch = 6)
    {
        var options = TextTrainerFixtures.Fast(maxEpoch);
        options.Seed = null;
        return options;
    }

    public static string TopicsCsv => TextTrainerFixtures.Path("topics.csv");

    /// <summary>topics.csv read by ML.NET's text loader (one quoted field spans two lines).</summary>
    public static IDataView Topics(MLContext ml) => ml.Data.LoadFromTextFile<TopicRow>(TopicsCsv,
        new Microsoft.ML.Data.TextLoader.Options { Separators = [','], HasHeader = true, AllowQuoting = true, ReadMultilines = true });

    /// <summary>Messages <paramref name="ml"/> logs, as "source: message".</summary>
    public static List<string> CollectLog(MLContext ml)
    {
        var messages = new List<string>();
        ml.Log += (_, e) =>
        {
            lock (messages) messages.Add($"{e.Source}: {e.Message}");
        };
        return messages;
    }

    /// <summary>The Momentum transformer inside a fitted chain.</summary>
    public static MomentumClassificationTransformer<TModel> Classifier<TModel>(ITransformer chain) where TModel : ClassificationModel
        => ((IEnumerable<ITransformer>)chain).OfType<MomentumClassificationTransformer<TModel>>().Single();

    /// <summary>Each row's score vector from the transformed view.</summary>
    public static float[][] Scores(IDataView scored) => scored.GetColumn<float[]>("Score").ToArray();

    /// <summary>Scores each input with a PredictionEngine from 8 threads (one engine per thread) and checks them against sequential scoring, exactly.</summary>
    public static float[][] AssertParallelEqualsSequential<TInput>(MLContext ml, ITransformer model, TInput[] inputs) where TInput : class
    {
        using var sequentialEngine = ml.Model.CreatePredictionEngine<TInput, ClassOutput>(model);
        var sequential = inputs.Select(i => sequentialEngine.Predict(i).Score.ToArray()).ToArray();
        var parallel = new float[8][][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            using var engine = ml.Model.CreatePredictionEngine<TInput, ClassOutput>(model);
            parallel[t] = inputs.Select(i => engine.Predict(i).Score.ToArray()).ToArray();
        });
        for (var t = 0; t < 8; t++)
        {
            for (var i = 0; i < inputs.Length; i++) CollectionAssert.AreEqual(sequential[i], parallel[t][i], $"thread {t}, row {i}");
        }
        return sequential;
    }

    /// <summary>Checks two sets of score vectors agree within 1e-6 (libtorch may round differently for another batch size).</summary>
    public static void AssertClose(float[][] expected, float[][] actual)
    {
        Assert.AreEqual(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i].Length, actual[i].Length, $"row {i}");
            for (var k = 0; k < expected[i].Length; k++) Assert.AreEqual(expected[i][k], actual[i][k], 1e-6f, $"row {i}, class {k}");
        }
    }
}
