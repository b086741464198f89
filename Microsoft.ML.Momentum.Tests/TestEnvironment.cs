using Microsoft.ML.Momentum.Engine;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests;

/// <summary>Process-wide test set-up: a fixed libtorch thread count so runs are reproducible.</summary>
[TestClass]
public static class TestEnvironment
{
    public const int Threads = 2;

    [AssemblyInitialize]
    public static void Initialize(TestContext context) => TorchRuntime.ThreadCount = Threads;

    /// <summary>True under CI, where data sets that the set-up installs must be present.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Marks a test inconclusive when local data is missing, but fails it under CI.</summary>
    public static void RequireData(bool available, string what)
    {
        if (available) return;
        if (IsCi) Assert.Fail($"{what} is not installed; CI's set-up (build/setup.sh) must install it.");
        Assert.Inconclusive($"{what} is not installed; run 'bash build/setup.sh'.");
    }
}
