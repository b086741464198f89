using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Config;
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
        Assert.AreEqual("smallCnn", config.TrainingOption.Architecture);
        Assert.AreEqual("momo", config.TrainingOption.CreateOptimizer()!.Name);
        Assert.AreEqual(10, config.TrainingOption.MaxEpoch);
        StringAssert.EndsWith(config.DataSource.Test!.Path, "t10k-images-idx3-ubyte.gz");
        Assert.AreEqual(Path.Combine(RepoPaths.Root, "momentum-output", "fashion-mnist"), config.Output.Directory);
    }
}
