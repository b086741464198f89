using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.TextTrainer;

[TestClass]
public sealed class TextTrainerEndToEndTests
{
    [TestMethod]
    public void TrainEvaluateSaveLoadPredictGivesTheSameScores()
    {
        var trainer = new TextClassificationTrainer(TextTrainerFixtures.Fast(), contextSeed: 3);
        using var model = trainer.Fit(TextTrainerFixtures.Topics);
        var report = model.TrainingData!;
        Console.WriteLine($"{report}; history: {string.Join(" ", model.Training!.History.Select(e => $"{e.ValidationAccuracy:P0}"))}");
        Assert.AreEqual(400, report.LoadedCount);
        Assert.AreEqual(300, report.TrainCount);
        Assert.AreEqual(100, report.ValidationCount);
        CollectionAssert.AreEqual(new[] { "computers", "cooking", "sports", "weather" }, model.ClassNames.ToArray());

        var last = model.Training.History[^1];
        Assert.IsGreaterThan(0.95, last.TrainAccuracy, "the training sentences are learnt");
        Assert.IsGreaterThan(0.6, last.ValidationAccuracy, "held-out sentences are mostly right (chance: 25%)");
        var metrics = model.Evaluate(TextDataSource.FromJsonLines(TextTrainerFixtures.Path("topics.jsonl")));
        Assert.AreEqual(400, metrics.Count);
        Assert.IsGreaterThan(0.85, metrics.Accuracy);

        string[] texts = ["The goalkeeper saved a penalty in extra time.", "Whisk the eggs with sugar and bake for twenty minutes.",
            "Expect snow and freezing fog overnight.", "Reinstall the graphics driver and reboot.", "", "¿Qué tal?"];
        var before = model.PredictBatch(texts);
        Assert.AreEqual("sports", before[0].PredictedLabel);
        Assert.AreEqual("cooking", before[1].PredictedLabel);
        Assert.AreEqual(1.0, before[0].Score.Sum(), 1e-5);

        var directory = TextTrainerFixtures.TempDirectory();
        try
        {
            var path = Path.Combine(directory, "topics.zip");
            model.Save(path);
            model.Save(path);  // replaces the file atomically
            Assert.AreEqual(1, Directory.GetFiles(directory).Length, "no temporary files are left behind");
            using var loaded = TextClassificationModel.Load(path);
            Assert.IsNull(loaded.TrainingData, "the data report is not saved");
            Assert.AreEqual(model.Training.History.Count, loaded.Training!.History.Count, "the run's history is saved");
            CollectionAssert.AreEqual(model.ClassNames.ToArray(), loaded.ClassNames.ToArray());
            Assert.AreEqual(model.Featurizer.ToJson(), loaded.Featurizer.ToJson(), "the loaded model tokenizes identically");
            TextTrainerFixtures.AssertSameScores(before, loaded.PredictBatch(texts));
            for (var i = 0; i < texts.Length; i++) CollectionAssert.AreEqual(model.Predict(texts[i]).Score.ToArray(), loaded.Predict(texts[i]).Score.ToArray());
            TextTrainerFixtures.AssertCloseScores(before, texts.Select(loaded.Predict).ToArray());
            Assert.AreEqual(metrics, loaded.Evaluate(TextDataSource.FromJsonLines(TextTrainerFixtures.Path("topics.jsonl"))) with
            {
                PerClassPrecision = metrics.PerClassPrecision, PerClassRecall = metrics.PerClassRecall, ConfusionMatrix = metrics.ConfusionMatrix,
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void TheFourFileFormatsTrainTheSameModel()
    {
        var trainer = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 1));
        string[] probe = ["Rain and wind all week.", "The striker was injured."];
        using var csv = trainer.Fit(TextDataSource.FromFile(TextTrainerFixtures.Path("topics.csv")));
        var expected = csv.PredictBatch(probe);
        foreach (var source in new[]
        {
            TextDataSource.FromTsv(TextTrainerFixtures.Path("topics.tsv")),
            TextDataSource.FromJson(TextTrainerFixtures.Path("topics.json")),
            TextDataSource.FromJsonLines(TextTrainerFixtures.Path("topics.jsonl")),
            TextDataSource.FromExamples(TextTrainerFixtures.TopicExamples()),
        })
        {
            using var model = trainer.Fit(source);
            TextTrainerFixtures.AssertSameScores(expected, model.PredictBatch(probe));
        }
    }

    [TestMethod]
    [DataRow(TextClassificationArchitecture.TextCnn)]
    [DataRow(TextClassificationArchitecture.Transformer)]
    public void SequenceModelsTrainSaveAndLoad(TextClassificationArchitecture architecture)
    {
        var options = TextTrainerFixtures.Fast(maxEpoch: architecture == TextClassificationArchitecture.Transformer ? 7 : 5);
        options.Architecture = architecture;
        options.LearningRate = 1e-2;
        options.TextCnnFilters = 16;
        options.TransformerLayers = 1;
        options.EmbeddingDimension = 32;
        options.TransformerHeads = 2;
        options.MaxTokens = 24;
        using var model = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
        var last = model.Training!.History[^1];
        Console.WriteLine($"{architecture}: train {last.TrainAccuracy:P1}, validation {last.ValidationAccuracy:P1}, {model.ParameterCount} parameters");
        Assert.IsNull(model.Featurizer.NGrams, "sequence models use no n-grams");
        Assert.IsGreaterThan(0.8, last.TrainAccuracy, "measured with dropout on, while the weights move");
        Assert.IsGreaterThan(0.4, last.ValidationAccuracy, "chance is 25%");

        string[] texts = ["Heavy snow is forecast for the weekend.", "a"];
        var before = model.PredictBatch(texts);
        var path = Path.Combine(TextTrainerFixtures.TempDirectory(), "model.zip");
        model.Save(path);
        using var loaded = TextClassificationModel.Load(path);
        Assert.AreEqual(model.Network.Architecture, loaded.Network.Architecture);
        Assert.AreEqual(model.Network.OptionsText, loaded.Network.OptionsText);
        TextTrainerFixtures.AssertSameScores(before, loaded.PredictBatch(texts));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [TestMethod]
    public void PredictionIsThreadSafe()
    {
        using var model = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 2)).Fit(TextTrainerFixtures.Topics);
        var texts = TextTrainerFixtures.TopicExamples().Take(64).Select(e => e.Text).ToArray();
        var expected = texts.Select(model.Predict).ToArray();
        var results = new ClassPrediction[8][];
        Parallel.For(0, results.Length, i => results[i] = texts.Select(model.Predict).ToArray());
        foreach (var result in results) TextTrainerFixtures.AssertSameScores(expected, result);
        TextTrainerFixtures.AssertCloseScores(model.PredictBatch(texts), expected);
    }
}
