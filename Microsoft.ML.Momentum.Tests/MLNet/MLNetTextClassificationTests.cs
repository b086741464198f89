using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>The text estimator in ML.NET pipelines on the topic fixture (400 sentences, 4 topics, from CSV).</summary>
[TestClass]
public sealed class MLNetTextClassificationTests
{
    private static MLContext _ml = null!;
    private static List<string> _log = null!;
    private static IDataView _data = null!;
    private static ITransformer _model = null!;

    [ClassInitialize]
    public static void Fit(TestContext context)
    {
        _ml = new MLContext(seed: 5);
        _log = MLNetFixtures.CollectLog(_ml);
        _data = MLNetFixtures.Topics(_ml);
        _model = Pipeline(_ml).Fit(_data);
    }

    [ClassCleanup]
    public static void Dispose() => MLNetFixtures.Classifier<TextClassificationModel>(_model).Model.Dispose();

    private static IEstimator<ITransformer> Pipeline(MLContext ml, int maxEpoch = 6)
        => ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(maxEpoch) }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

    private static TopicRow[] Rows(int count) => _ml.Data.CreateEnumerable<TopicRow>(_data, reuseRowObject: false).Take(count).ToArray();

    [TestMethod]
    public void Evaluate_GivesTheModelsOwnAccuracy()
    {
        var metrics = _ml.MulticlassClassification.Evaluate(_model.Transform(_data));
        var own = MLNetFixtures.Classifier<TextClassificationModel>(_model).Model.Evaluate(TextDataSource.FromCsv(MLNetFixtures.TopicsCsv));
        Assert.AreEqual(own.Accuracy, metrics.MicroAccuracy, 1e-12);
        Assert.IsGreaterThan(0.5, metrics.MicroAccuracy, "6 epochs learn the 4 topics well above chance");
    }

    [TestMethod]
    public void MapKeyToValue_GivesTheTopics()
    {
        var predicted = _model.Transform(_data).GetColumn<string>("PredictedClass").ToArray();
        var model = MLNetFixtures.Classifier<TextClassificationModel>(_model).Model;
        var own = model.PredictBatch(Rows(400).Select(r => r.Text).ToArray());
        CollectionAssert.AreEqual(own.Select(p => p.PredictedLabel).ToArray(), predicted);
        CollectionAssert.AreEquivalent(new[] { "cooking", "sports", "computers", "weather" }, predicted.Distinct().ToArray());
    }

    [TestMethod]
    public void PredictionEngine_FromEightThreads_EqualsSequentialAndBatchScoring()
    {
        var inputs = Rows(40);
        var engine = MLNetFixtures.AssertParallelEqualsSequential(_ml, _model, inputs);
        MLNetFixtures.AssertClose(MLNetFixtures.Scores(_model.Transform(_ml.Data.LoadFromEnumerable(inputs))), engine);
    }

    [TestMethod]
    public void SameContextSeed_GivesIdenticalScores_AnotherSeedOthers()
    {
        float[][] ScoresWithSeed(int seed)
        {
            var ml = new MLContext(seed);
            var data = MLNetFixtures.Topics(ml);
            var model = Pipeline(ml, maxEpoch: 2).Fit(data);
            using var network = MLNetFixtures.Classifier<TextClassificationModel>(model).Model;
            return MLNetFixtures.Scores(model.Transform(data));
        }
        var first = ScoresWithSeed(11);
        var again = ScoresWithSeed(11);
        var other = ScoresWithSeed(12);
        for (var i = 0; i < first.Length; i++) CollectionAssert.AreEqual(first[i], again[i], $"row {i}");
        Assert.IsTrue(first.Zip(other).Any(p => !p.First.SequenceEqual(p.Second)), "another MLContext seed initialises differently");
    }

    [TestMethod]
    public void CrossValidate_RunsEveryFold()
    {
        var ml = new MLContext(seed: 2);
        var results = ml.MulticlassClassification.CrossValidate(MLNetFixtures.Topics(ml), Pipeline(ml, maxEpoch: 4), numberOfFolds: 2);
        Assert.HasCount(2, results);
        foreach (var fold in results)
        {
            Assert.IsGreaterThan(0.4, fold.Metrics.MicroAccuracy, $"fold {fold.Fold}");
            MLNetFixtures.Classifier<TextClassificationModel>(fold.Model).Model.Dispose();
        }
    }

    [TestMethod]
    public void MissingLabelKeys_AreSkippedAndCounted()
    {
        var ml = new MLContext(seed: 4);
        var log = MLNetFixtures.CollectLog(ml);
        var data = MLNetFixtures.Topics(ml);
        // A key set without 'computers': its 100 rows get the missing key 0.
        var keys = ml.Data.LoadFromEnumerable(new[] { "cooking", "sports", "weather" }.Select(t => new LabelRow { Label = t }));
        var model = ml.Transforms.Conversion.MapValueToKey("Label", keyData: keys)
            .Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(2) }))
            .Fit(data);
        using var network = MLNetFixtures.Classifier<TextClassificationModel>(model).Model;
        CollectionAssert.AreEquivalent(new[] { "cooking", "sports", "weather" }, network.ClassNames.ToArray());
        Assert.IsTrue(log.Any(m => m.Contains("skipped 100 training rows whose label 'Label' is missing", StringComparison.Ordinal)), string.Join("\n", log));
    }

    [TestMethod]
    public void AKeyClassAbsentFromTraining_ScoresZero()
    {
        var ml = new MLContext(seed: 4);
        var all = MLNetFixtures.Topics(ml);
        var withoutComputers = ml.Data.FilterByCustomPredicate<TopicRow>(all, r => r.Label == "computers");
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(all);
        var model = keys.Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(2) })
            .Fit(keys.Transform(withoutComputers)));
        var classifier = model.LastTransformer;
        using var network = classifier.Model;
        var scored = model.Transform(all);
        var slotNames = default(Microsoft.ML.Data.VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slotNames);
        var computers = slotNames.DenseValues().Select(n => n.ToString()).ToList().IndexOf("computers");
        Assert.IsGreaterThanOrEqualTo(0, computers);
        var scores = MLNetFixtures.Scores(scored);
        foreach (var s in scores)
        {
            Assert.HasCount(4, s);
            Assert.AreEqual(0f, s[computers], string.Join(", ", s));
            Assert.AreEqual(1, s.Sum(), 1e-5);
        }
    }

    [TestMethod]
    public void Log_ReceivesTheEpochMessages()
    {
        string[] messages;
        lock (_log) messages = _log.ToArray();
        Assert.IsTrue(messages.Any(m => m.Contains("MomentumTextClassification", StringComparison.Ordinal) && m.Contains("Epoch 6/6: loss", StringComparison.Ordinal)),
            string.Join("\n", messages.Where(m => m.Contains("Momentum", StringComparison.Ordinal))));
    }
}
