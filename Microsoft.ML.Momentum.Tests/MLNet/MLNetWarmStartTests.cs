using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>
/// Warm-start retraining, <c>Fit(newData, previousModel)</c>, on the fixtures: a model trained on part of the data,
/// retrained on all of it, against a model trained from scratch on all of it for the same epochs, both scored on
/// held-out rows; and the refusal of another label set.
/// </summary>
[TestClass]
public sealed class MLNetWarmStartTests
{
    private const int Epochs = 2;

    /// <summary>The topic fixture split three ways, all mapped with one label key: part of the training rows, all of them, and held-out rows.</summary>
    private static (IDataView Old, IDataView All, IDataView Test) TopicSplits(MLContext ml)
    {
        var data = MLNetFixtures.Topics(ml);
        var key = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
        var old = ml.Data.TakeRows(ml.Data.ShuffleRows(split.TrainSet, seed: 1), 150);
        return (key.Transform(old), key.Transform(split.TrainSet), key.Transform(split.TestSet));
    }

    private static MomentumTextClassificationTrainer TextTrainer(MLContext ml, bool keepOptimizerState = false, bool continueOptimizerState = false)
    {
        var options = MLNetFixtures.FastText(Epochs);
        options.ValidationSetFraction = 0;
        options.KeepOptimizerState = keepOptimizerState;
        return ml.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options
        {
            Trainer = options,
            ContinueOptimizerState = continueOptimizerState,
        });
    }

    [TestMethod]
    public void Text_RetrainingOnMoreData_MatchesOrBeatsTrainingFromScratch()
    {
        var ml = new MLContext(seed: 11);
        var (old, all, test) = TopicSplits(ml);
        var trainer = TextTrainer(ml);
        using var previous = Owned(trainer.Fit(old));
        using var warm = Owned(trainer.Fit(all, previous.Transformer));
        using var scratch = Owned(trainer.Fit(all));

        var warmMetrics = ml.MulticlassClassification.Evaluate(warm.Transformer.Transform(test));
        var scratchMetrics = ml.MulticlassClassification.Evaluate(scratch.Transformer.Transform(test));
        Assert.IsGreaterThanOrEqualTo(scratchMetrics.MicroAccuracy, warmMetrics.MicroAccuracy);
        Assert.IsLessThan(scratchMetrics.LogLoss, warmMetrics.LogLoss, "the warm start has seen more epochs of the same topics");
        Assert.IsLessThan(scratch.Model.Training!.History[0].TrainLoss, warm.Model.Training!.History[0].TrainLoss,
            "the first epoch starts from the previous weights, not from a fresh initialisation");
        Assert.AreSame(previous.Model.Featurizer, warm.Model.Featurizer, "the vocabulary is the previous model's");
        Assert.AreNotSame(previous.Model.Featurizer, scratch.Model.Featurizer, "training from scratch fits its own featurizer");
    }

    [TestMethod]
    public void Text_ContinueOptimizerState_ContinuesTheStepCount()
    {
        var ml = new MLContext(seed: 11);
        var (old, all, _) = TopicSplits(ml);
        using var previous = Owned(TextTrainer(ml, keepOptimizerState: true).Fit(old));
        using var warm = Owned(TextTrainer(ml, keepOptimizerState: true, continueOptimizerState: true).Fit(all, previous.Transformer));
        Assert.AreEqual(previous.Model.OptimizerState!.Steps + warm.Model.Training!.Steps, warm.Model.OptimizerState!.Steps);
        using var fresh = Owned(TextTrainer(ml, keepOptimizerState: true).Fit(all, previous.Transformer));
        Assert.AreEqual(fresh.Model.Training!.Steps, fresh.Model.OptimizerState!.Steps, "without ContinueOptimizerState the optimizer starts afresh");
    }

    [TestMethod]
    public void ContinueOptimizerState_WithoutAKeptState_SaysHowToKeepIt()
    {
        var ml = new MLContext(seed: 11);
        var (old, all, _) = TopicSplits(ml);
        using var previous = Owned(TextTrainer(ml).Fit(old));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => TextTrainer(ml, continueOptimizerState: true).Fit(all, previous.Transformer));
        StringAssert.Contains(e.Message, "KeepOptimizerState = true");
    }

    [TestMethod]
    public void AnotherLabelSet_IsRefused_ListingMissingAndExtraClasses()
    {
        var ml = new MLContext(seed: 11);
        var (old, _, _) = TopicSplits(ml);
        using var previous = Owned(TextTrainer(ml).Fit(old));
        var rows = ml.Data.CreateEnumerable<TopicRow>(MLNetFixtures.Topics(ml), reuseRowObject: false)
            .Select(r => new TopicRow { Label = r.Label == "weather" ? "travel" : r.Label, Text = r.Text })
            .ToArray();
        var other = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));

        var e = Assert.ThrowsExactly<ArgumentException>(() => TextTrainer(ml).Fit(other, previous.Transformer));
        StringAssert.Contains(e.Message, "missing from the new data: weather");
        StringAssert.Contains(e.Message, "not learned by the previous model: travel");
        StringAssert.Contains(e.Message, "'Label'");
    }

    [TestMethod]
    public void Image_RetrainingOnMoreData_MatchesOrBeatsTrainingFromScratch()
    {
        var ml = new MLContext(seed: 3);
        var data = ml.Data.LoadFromEnumerable(MLNetFixtures.ImageRows());
        var prepare = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadRawImageBytes("Image", null, nameof(ImageRow.ImagePath)))
            .Fit(data);
        var split = ml.Data.TrainTestSplit(prepare.Transform(data), testFraction: 0.3, seed: 2);
        var old = ml.Data.TakeRows(ml.Data.ShuffleRows(split.TrainSet, seed: 1), 100);
        var options = MLNetFixtures.FastImages();
        options.MaxEpoch = 3;
        options.ValidationSetFraction = 0;
        var trainer = ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options { Trainer = options });

        using var previous = Owned(trainer.Fit(old));
        using var warm = Owned(trainer.Fit(split.TrainSet, previous.Transformer));
        using var scratch = Owned(trainer.Fit(split.TrainSet));

        var warmMetrics = ml.MulticlassClassification.Evaluate(warm.Transformer.Transform(split.TestSet));
        var scratchMetrics = ml.MulticlassClassification.Evaluate(scratch.Transformer.Transform(split.TestSet));
        Assert.IsGreaterThanOrEqualTo(scratchMetrics.MicroAccuracy, warmMetrics.MicroAccuracy);
        Assert.IsLessThan(scratchMetrics.LogLoss, warmMetrics.LogLoss);
        Assert.IsLessThan(scratch.Model.Training!.History[0].TrainLoss, warm.Model.Training!.History[0].TrainLoss);
        Assert.AreSame(previous.Model.Input, warm.Model.Input, "the input size, channels and normalization are the previous model's");
    }

    private static Trained<TModel> Owned<TModel>(MomentumClassificationTransformer<TModel> transformer) where TModel : ClassificationModel => new(transformer);

    /// <summary>A fitted transformer whose network is released at the end of the test.</summary>
    private sealed class Trained<TModel>(MomentumClassificationTransformer<TModel> transformer) : IDisposable where TModel : ClassificationModel
    {
        public MomentumClassificationTransformer<TModel> Transformer { get; } = transformer;

        public TModel Model => Transformer.Model;

        public void Dispose() => Transformer.Model.Dispose();
    }
}
