using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class ErrorReportingTests
{
    [TestMethod]
    public void WrongInputShapeIsReportedWithBothShapes()
    {
        using var model = TorchModel.Create(NetworkSpec.SmallCnn(1, 28, 28, 10));
        var inputs = new float[2 * 3 * 28 * 28];
        var error = Assert.ThrowsExactly<ArgumentException>(() => model.TrainStep(inputs, [2, 3, 28, 28], [0, 1]));
        StringAssert.Contains(error.Message, "input shape [2, 3, 28, 28] does not match the model's input [N, 1, 28, 28]");

        var ragged = Assert.ThrowsExactly<ArgumentException>(() => model.Forward(new float[100]));
        StringAssert.Contains(ragged.Message, "not a positive multiple of one example's 784");
        // The process and the model are still usable.
        Assert.AreEqual(10, model.Forward(new float[784]).Length);
    }

    [TestMethod]
    public void LabelOutsideTheClassRangeIsReportedWithItsPosition()
    {
        using var model = TorchModel.Create(TinyProblems.TinyMlp);
        var (inputs, _) = TinyProblems.Batch(model, 3, seed: 1);
        var error = Assert.ThrowsExactly<ArgumentException>(() => model.TrainStep(inputs, [0, 3, 1]));
        StringAssert.Contains(error.Message, "label 3 at batch position 1 is outside [0, 3)");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.TrainStep(inputs, [-1, 0, 1])).Message, "label -1");
        Assert.IsGreaterThan(0, model.TrainStep(inputs, [0, 2, 1]).Loss);
    }

    [TestMethod]
    public void UnknownDeviceStringIsRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => ComputeDevice.Parse("gpu0"));
        StringAssert.Contains(error.Message, "Device 'gpu0' is not one of 'cpu', 'cuda' or 'cuda:N'");
        Assert.ThrowsExactly<ArgumentException>(() => TorchModel.Create(TinyProblems.TinyMlp, ComputeDevice.Parse("cuda:x")));
        Assert.AreSame(ComputeDevice.Cpu, ComputeDevice.Parse(" CPU "));
    }

    [TestMethod]
    public void CudaOnACpuOnlyLibtorchSaysSo()
    {
        if (TorchRuntime.CudaDeviceCount > 0) Assert.Inconclusive("This libtorch has CUDA; the CPU-only message cannot be observed.");
        var error = Assert.ThrowsExactly<DeviceNotAvailableException>(() => ComputeDevice.Parse("cuda:0"));
        StringAssert.Contains(error.Message, "Device 'cuda:0': CUDA is not available in this process");
        StringAssert.Contains(error.Message, "TorchSharp-cuda-linux");
    }

    [TestMethod]
    public void UnknownArchitectureOrOptionIsNamed()
    {
        var architecture = Assert.ThrowsExactly<ArgumentException>(() => TorchModel.Create(new NetworkSpec("transformer9", new Dictionary<string, string>())));
        StringAssert.Contains(architecture.Message, "unknown architecture 'transformer9'");
        var option = Assert.ThrowsExactly<ArgumentException>(() => TorchModel.Create(TinyProblems.TinyMlp.With("hiden", "3")));
        StringAssert.Contains(option.Message, "unknown model option 'hiden' for architecture 'mlp'");
        var value = Assert.ThrowsExactly<ArgumentException>(() => TorchModel.Create(TinyProblems.TinyMlp.With("classes", "1")));
        StringAssert.Contains(value.Message, "model option 'classes' for architecture 'mlp' is '1': expected an integer in [2, 1000000]");
    }

    [TestMethod]
    public void InvalidThreadCountIsRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TorchRuntime.ThreadCount = 0);
        StringAssert.Contains(error.Message, "The thread count must be at least 1");
        Assert.AreEqual(TestEnvironment.Threads, TorchRuntime.ThreadCount);
    }
}
