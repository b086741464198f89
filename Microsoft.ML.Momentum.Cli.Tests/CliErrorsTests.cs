using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Exit codes and hints for the failures training can end with.</summary>
[TestClass]
public sealed class CliErrorsTests
{
    [TestMethod]
    public void MalformedTextDataIsBadData()
    {
        var exception = new TextDataException("reviews.csv", 7, "Label", "the label is empty");
        var (code, lines) = CliErrors.Describe(exception);
        Assert.AreEqual(ExitCodes.BadData, code);
        CollectionAssert.AreEqual(new[] { exception.Message }, lines.ToArray());
        StringAssert.Contains(exception.Message, "line 7");
    }

    [TestMethod]
    public void DivergenceSuggestsALowerLearningRateOrMomo()
    {
        var (code, lines) = CliErrors.Describe(new NonFiniteStepException(20));
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        StringAssert.StartsWith(lines[0], "training failed: 20 optimizer steps in a row had a non-finite loss");
        StringAssert.Contains(lines[1], "lower trainingOption.learningRate");
    }

    [TestMethod]
    public void OutOfMemorySuggestsASmallerBatch()
    {
        var (code, lines) = CliErrors.Describe(new InvalidOperationException("CUDA out of memory. Tried to allocate 2.00 GiB"));
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        StringAssert.StartsWith(lines[1], "lower trainingOption.batchSize");
    }

    [TestMethod]
    public void AMissingTorchSharpRuntimePointsToTheTroubleshootingGuide()
    {
        var (code, lines) = CliErrors.Describe(new DllNotFoundException("libLibTorchSharp.so was not found."));
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        CollectionAssert.AreEqual(new[] { "libLibTorchSharp.so was not found.", "see docs/troubleshooting.md#the-torchsharp-native-runtime-does-not-load" }, lines.ToArray());

        // What TorchSharp itself throws when the application references no native runtime package.
        var missing = new TypeInitializationException("TorchSharp.torch",
            new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=2.10.0.0.\n\nConsider referencing ..."));
        (code, lines) = CliErrors.Describe(missing);
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        Assert.AreEqual("the TorchSharp native runtime could not be loaded: This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=2.10.0.0.", lines[0]);
        Assert.AreEqual("see docs/troubleshooting.md#the-torchsharp-native-runtime-does-not-load", lines[1]);
    }
}
