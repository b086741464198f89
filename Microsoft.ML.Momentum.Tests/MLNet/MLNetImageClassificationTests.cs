using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>The image estimator in ML.NET pipelines on the 300-image fixture, from raw bytes and from MLImage; each pipeline is fitted once.</summary>
[TestClass]
public sealed class MLNetImageClassificationTests
{
    private static MLContext _ml = null!;
    private static List<string> _log = null!;
    private static ImageRow[] _rows = null!;
    private static IDataView _data = null!;
    private static ITransformer _bytesModel = null!;
    private static ITransformer _imageModel = null!;

    [ClassInitialize]
    public static void Fit(TestContext context)
    {
        _ml = new MLContext(seed: 3);
        _log = MLNetFixtures.CollectLog(_ml);
        _rows = MLNetFixtures.ImageRows();
        _data = _ml.Data.LoadFromEnumerable(_rows);
        _bytesModel = Pipeline(_ml, _ml.Transforms.LoadRawImageBytes("Image", null, nameof(ImageRow.ImagePath))).Fit(_data);
        // The same steps in a context with the same seed: the same seed reaches the trainer, so only the image type differs.
        var ml = new MLContext(seed: 3);
        _imageModel = Pipeline(ml, ml.Transforms.LoadImages("Image", null, nameof(ImageRow.ImagePath))).Fit(ml.Data.LoadFromEnumerable(_rows));
    }

    [ClassCleanup]
    public static void Dispose()
    {
        MLNetFixtures.Classifier<ImageClassificationModel>(_bytesModel).Model.Dispose();
        MLNetFixtures.Classifier<ImageClassificationModel>(_imageModel).Model.Dispose();
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IEstimator<ITransformer> load)
        => ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(load)
            .Append(ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options { Trainer = MLNetFixtures.FastImages() }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

    [TestMethod]
    public void Evaluate_GivesTheModelsOwnAccuracy()
    {
        var model = MLNetFixtures.Classifier<ImageClassificationModel>(_bytesModel).Model;
        var metrics = _ml.MulticlassClassification.Evaluate(_bytesModel.Transform(_data));
        var own = model.Evaluate(ImageDataSource.FromEncoded(_rows.Select(r => (r.Label, File.ReadAllBytes(r.ImagePath)))));
        Assert.AreEqual(own.Accuracy, metrics.MicroAccuracy, 1e-12);
        Assert.IsGreaterThan(0.3, metrics.MicroAccuracy, "2 epochs on 10 classes learn well above chance");
        Assert.AreEqual(10, metrics.ConfusionMatrix.NumberOfClasses);
    }

    [TestMethod]
    public void MLImagePipeline_ScoresAsTheBytesPipeline()
    {
        MLNetFixtures.AssertClose(MLNetFixtures.Scores(_bytesModel.Transform(_data)), MLNetFixtures.Scores(_imageModel.Transform(_data)));
        var metrics = _ml.MulticlassClassification.Evaluate(_imageModel.Transform(_data));
        var own = MLNetFixtures.Classifier<ImageClassificationModel>(_imageModel).Model
            .Evaluate(ImageDataSource.FromEncoded(_rows.Select(r => (r.Label, File.ReadAllBytes(r.ImagePath)))));
        Assert.AreEqual(own.Accuracy, metrics.MicroAccuracy, 1e-12);
    }

    [TestMethod]
    public void MapKeyToValue_GivesTheClassNames()
    {
        var scored = _bytesModel.Transform(_data);
        var predicted = scored.GetColumn<string>("PredictedClass").ToArray();
        var scores = MLNetFixtures.Scores(scored);
        var slotNames = default(Microsoft.ML.Data.VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slotNames);
        var names = slotNames.DenseValues().Select(n => n.ToString()).ToArray();
        CollectionAssert.AreEquivalent(_rows.Select(r => r.Label).Distinct().ToArray(), names);
        for (var i = 0; i < predicted.Length; i++) Assert.AreEqual(names[Array.IndexOf(scores[i], scores[i].Max())], predicted[i], $"row {i}");
    }

    [TestMethod]
    public void PredictionEngine_FromEightThreads_EqualsSequentialAndBatchScoring()
    {
        var inputs = _rows.Where((_, i) => i % 10 == 0).ToArray();
        var engine = MLNetFixtures.AssertParallelEqualsSequential(_ml, _bytesModel, inputs);
        var batch = MLNetFixtures.Scores(_bytesModel.Transform(_ml.Data.LoadFromEnumerable(inputs)));
        MLNetFixtures.AssertClose(batch, engine);
    }

    [TestMethod]
    public void Log_ReceivesTheEpochMessages()
    {
        string[] messages;
        lock (_log) messages = _log.ToArray();
        Assert.IsTrue(messages.Any(m => m.Contains("MomentumImageClassification", StringComparison.Ordinal) && m.Contains("Epoch 1/2: loss", StringComparison.Ordinal)),
            string.Join("\n", messages.Where(m => m.Contains("Momentum", StringComparison.Ordinal))));
        Assert.IsTrue(messages.Any(m => m.Contains("Epoch 2/2: loss", StringComparison.Ordinal)));
    }
}
