using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Tests.TextTrainer;

/// <summary>Small, fast trainer settings and the committed topic fixture (400 sentences, 4 topics).</summary>
internal static class TextTrainerFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "text", name);

    public static string Bad(string name) => Path(System.IO.Path.Combine("bad", name));

    public static TextDataSource Topics => TextDataSource.FromCsv(Path("topics.csv"));

    /// <summary>A small EmbeddingBag with bigrams that learns the fixture in about a second.</summary>
    public static TextClassificationTrainer.Options Fast(int maxEpoch = 12) => new()
    {
        EmbeddingDimension = 16,
        NGramBuckets = 2_000,
        BatchSize = 16,
        MaxEpoch = maxEpoch,
        LearningRate = 0.02,
        ValidationSetFraction = 0.25,
        NumberOfThreads = TestEnvironment.Threads,
        Seed = 7,
    };

    /// <summary>The fixture's sentences as in-memory examples.</summary>
    public static TextExample[] TopicExamples() => TextDataLoader.FromCsv(Path("topics.csv")).ToArray();

    public static string TempDirectory()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "momentum-text-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void AssertSameScores(IReadOnlyList<ClassPrediction> expected, IReadOnlyList<ClassPrediction> actual)
    {
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(expected[i].PredictedLabel, actual[i].PredictedLabel, $"example {i}");
            Microsoft.VisualStudio.TestTools.UnitTesting.CollectionAssert.AreEqual(expected[i].Score.ToArray(), actual[i].Score.ToArray(), $"scores of example {i}");
        }
    }

    /// <summary>
    /// Scores of the same texts scored in batches of another composition: libtorch's CPU kernels (MKL) may sum in
    /// another order for another batch size, so they agree to float rounding, not bit for bit.
    /// </summary>
    public static void AssertCloseScores(IReadOnlyList<ClassPrediction> expected, IReadOnlyList<ClassPrediction> actual)
    {
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(expected[i].PredictedLabel, actual[i].PredictedLabel, $"example {i}");
            for (var k = 0; k < expected[i].Score.Count; k++)
            {
                Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(expected[i].Score[k], actual[i].Score[k], 1e-6f, $"score {k} of example {i}");
            }
        }
    }
}
