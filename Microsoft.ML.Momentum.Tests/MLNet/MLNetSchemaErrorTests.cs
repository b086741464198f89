using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>Wrong or missing columns fail when the pipeline's schema is propagated, before anything is trained, with ML.NET's wording.</summary>
[TestClass]
public sealed class MLNetSchemaErrorTests
{
    private static ArgumentOutOfRangeException FitFails(MLContext ml, IEstimator<ITransformer> pipeline, IDataView data)
    {
        var log = MLNetFixtures.CollectLog(ml);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.Fit(data));
        Assert.IsFalse(log.Any(m => m.Contains("training on", StringComparison.Ordinal)), "the error comes before training");
        return error;
    }

    [TestMethod]
    public void ImageColumnOfPaths_IsASchemaMismatch()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(MLNetFixtures.ImageRows());
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MomentumImageClassification(imageColumnName: nameof(ImageRow.ImagePath), maxEpoch: 1));
        var error = FitFails(ml, pipeline, data);
        StringAssert.Contains(error.Message, "Schema mismatch for image column 'ImagePath': expected VarVector<Byte> (encoded image bytes) or Image, got String");
    }

    [TestMethod]
    public void MissingTextColumn_IsNamed()
    {
        var ml = new MLContext(seed: 1);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(textColumnName: "Body", maxEpoch: 1));
        var error = FitFails(ml, pipeline, MLNetFixtures.Topics(ml));
        StringAssert.Contains(error.Message, "Could not find text column 'Body'");
    }

    [TestMethod]
    public void LabelThatIsNotAKey_IsASchemaMismatch()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.MulticlassClassification.Trainers.MomentumTextClassification(maxEpoch: 1);
        var error = FitFails(ml, trainer.Append(ml.Transforms.CopyColumns("Copy", "Score")), MLNetFixtures.Topics(ml));
        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Label': expected Key, got String");
    }

    [TestMethod]
    public void MissingColumnAtTransform_IsNamed()
    {
        var ml = new MLContext(seed: 1);
        var data = MLNetFixtures.Topics(ml);
        var options = new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(1) };
        var model = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(options)).Fit(data);
        var classifier = model.LastTransformer;
        using var network = classifier.Model;
        var other = ml.Data.LoadFromEnumerable(new[] { new { Label = "sports", Body = "A goal." } });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => classifier.Transform(other));
        StringAssert.Contains(error.Message, "Could not find text column 'Text'");
    }

    [TestMethod]
    public void TrainerOptionsValidationSource_IsRefusedForTheDataView()
    {
        var ml = new MLContext(seed: 1);
        var options = new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(1) };
        options.Trainer.ValidationSet = Microsoft.ML.Momentum.Trainers.TextDataSource.FromCsv(MLNetFixtures.TopicsCsv);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.MulticlassClassification.Trainers.MomentumTextClassification(options));
        StringAssert.Contains(error.Message, "set Options.ValidationSet to an IDataView");
    }
}
