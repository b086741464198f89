using System.Text;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Tests.Reliability;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests.Reliability;

/// <summary>Mutated shipped configs: the config reader accepts them or refuses them with a <see cref="ConfigException"/>, nothing else.</summary>
[TestClass]
public sealed class ConfigFuzzTests
{
    [TestMethod]
    public void MutatedConfigsAreAcceptedOrRefusedWithAConfigError() => Fuzz(500);

    [TestMethod]
    [TestCategory("Soak")]
    public void TenThousandMutatedConfigs() => Fuzz(Fuzzer.Cases(10_000));

    private static void Fuzz(int cases)
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "configs"), "*.json")
            .Concat(Directory.EnumerateFiles(RepoPaths.Examples, "*.json"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.IsNotEmpty(seeds);
        Fuzzer.Run("config", seeds, cases, seed: 5, bytes => ConfigReader.ReadText(Encoding.UTF8.GetString(bytes), "c.json", Path.GetTempPath()), typeof(ConfigException));
    }
}
