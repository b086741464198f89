using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Running;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class BinderTests
{
    [TestMethod]
    public void DefaultsAndPathsResolveAgainstTheConfigFolder()
    {
        var config = ConfigReader.ReadText(ConfigValidationTests.Config(), "c.json", "/data/run");
        Assert.AreEqual("/data/run/i.gz", config.DataSource.Train.Path);
        Assert.AreEqual("/data/run/l.gz", config.DataSource.Train.LabelsPath);
        var trainerDefaults = new ImageClassificationTrainer.Options();
        Assert.IsInstanceOfType<ImageClassificationTrainer.Options>(config.TrainingOption);
        Assert.AreEqual(trainerDefaults.BatchSize, config.TrainingOption.BatchSize, "the config's defaults are the image trainer's");
        Assert.AreEqual(64, config.TrainingOption.BatchSize);
        Assert.AreEqual(trainerDefaults.MaxEpoch, config.TrainingOption.MaxEpoch);
        Assert.AreEqual(trainerDefaults.ValidationSetFraction, config.TrainingOption.ValidationSetFraction);
        Assert.IsNull(config.TrainingOption.Seed);
        Assert.AreEqual(1, RunOptions.SeedOf(config));
        Assert.AreEqual("cpu", config.Environment.Device);
        Assert.AreEqual("/data/run/momentum-output/model.zip", config.Output.ModelPath);
        Assert.AreEqual("/data/run/momentum-output/report.html", config.Output.ReportPath);
        Assert.IsNull(config.TrainingOption.Optimizer);
        Assert.AreEqual("/data/run/momentum-output/model.mlnet.zip", config.Output.MlNetModelPath);
    }

    [TestMethod]
    public void ImageConfigMapsToImageTrainerOptionNames()
    {
        var config = ConfigReader.ReadText(ConfigValidationTests.Config(
            """{"batchSize": 64, "maxEpoch": 3, "learningRate": 0.2, "optimizer": {"name": "momo", "beta": 0.8, "controller": {"name": "autoDrop", "window": 32}}, "learningRateSchedule": {"name": "cosine", "unit": "epoch"}, "earlyStoppingCriteria": {"metric": "macroF1", "patience": 2}, "augmentation": {"cropPadding": 2}, "imageSize": 32}""",
            """{"device": "cuda:1", "numberOfThreads": 3}"""), "c.json", "/r");
        var settings = (ImageClassificationTrainer.Options)config.TrainingOption;
        Assert.AreEqual("Label", settings.LabelColumnName);
        Assert.AreEqual("ImagePath", settings.ImageColumnName);
        Assert.AreEqual(ImageClassificationArchitecture.SmallCnn, settings.Architecture);
        Assert.AreEqual(64, settings.BatchSize);
        Assert.AreEqual(3, settings.MaxEpoch);
        Assert.AreEqual(0.2, settings.LearningRate);
        var momo = (Momo)settings.Optimizer!;
        Assert.AreEqual(0.8, momo.Beta);
        Assert.AreEqual(32, ((AutoDrop)momo.Controller!).Window);
        Assert.AreEqual(ScheduleUnit.Epoch, ((CosineSchedule)settings.LearningRateSchedule!).Unit);
        Assert.AreEqual(ClassificationMetric.MacroF1, settings.EarlyStoppingCriteria!.Metric);
        Assert.AreEqual(2, settings.EarlyStoppingCriteria.Patience);
        Assert.AreEqual(new ImageAugmentation(2, false), settings.Augmentation);
        Assert.AreEqual(new ImageSize(32, 32), settings.ImageSize);
        Assert.AreEqual("cuda:1", config.Environment.Device);
        Assert.AreEqual(3, config.Environment.NumberOfThreads);
        Assert.AreEqual("/r/momentum-output/workspace", config.Output.WorkspacePath);
    }

    [TestMethod]
    public void TextConfigMapsToTextTrainerOptionNames()
    {
        var config = ConfigReader.ReadText(ConfigValidationTests.Config("""{"architecture": "textCnn", "maxTokens": 128, "nGramLength": 2}""",
            dataSource: """{"type": "tsv", "train": {"path": "t.tsv"}, "columns": {"label": "Sentiment", "text": "Review", "text2": "Title"}}""",
            scenario: "textClassification"), "c.json", "/r");
        var settings = (TextClassificationTrainer.Options)config.TrainingOption;
        Assert.AreEqual("Sentiment", settings.LabelColumnName);
        Assert.AreEqual("Review", settings.TextColumnName);
        Assert.AreEqual("Title", settings.Text2ColumnName);
        Assert.AreEqual(TextClassificationArchitecture.TextCnn, settings.Architecture);
        Assert.AreEqual(128, settings.MaxTokens);
        Assert.AreEqual(2, settings.NGramLength);
        Assert.IsNull(settings.Optimizer);
        Assert.AreEqual(new TextClassificationTrainer.Options().BatchSize, settings.BatchSize, "the config's defaults are the text trainer's");
    }

    [TestMethod]
    public void EveryScalarTrainerOptionOfTheConfigBindsToTheTrainerProperty()
    {
        var config = ConfigReader.ReadText(ConfigValidationTests.Config(
            """{"architecture": "resNet", "resNetDepth": 14, "resNetWidth": 8, "skipInvalidImages": true, "weightDecay": 0.001, "seed": 7, "validationSetFraction": 0.2, "logEveryNSteps": 5, "checkpointEveryNEpochs": 2}"""), "c.json", "/r");
        var options = (ImageClassificationTrainer.Options)config.TrainingOption;
        Assert.AreEqual(ImageClassificationArchitecture.ResNet, options.Architecture);
        Assert.AreEqual(14, options.ResNetDepth);
        Assert.AreEqual(8, options.ResNetWidth);
        Assert.IsTrue(options.SkipInvalidImages);
        Assert.AreEqual(0.001, options.WeightDecay);
        Assert.AreEqual(7, options.Seed);
        Assert.AreEqual(0.2, options.ValidationSetFraction);
        Assert.AreEqual(5, options.LogEveryNSteps);
        Assert.AreEqual(2, options.CheckpointEveryNEpochs);
    }

    [TestMethod]
    public void SuggestionsPreferCloseNames()
    {
        Assert.AreEqual("batchSize", Suggestions.Closest("batchsize", ["batchSize", "maxEpoch"]));
        Assert.AreEqual("demonSgd", Suggestions.Closest("demon", ["sgd", "demonSgd", "demonAdam"]));
        Assert.IsNull(Suggestions.Closest("zzz", ["batchSize", "maxEpoch"]));
        Assert.AreEqual(1, Suggestions.Distance("ab", "ba"));
    }
}
