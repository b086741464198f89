using System.Diagnostics;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

/// <summary>Every TorchSharp tensor has an owner: steps, models and vectors leave the live-tensor count where they found it.</summary>
[TestClass]
public sealed class TensorLifetimeTests
{
    [TestMethod]
    public void CreatingAndDisposingVectorsAndModelsLeavesTheLiveTensorCountUnchanged()
    {
        var start = TorchRuntime.LiveTensorCount;
        for (var i = 0; i < 2_000; i++)
        {
            using var vector = FlatVector.FromArray([1f, 2f, 3f]);
            Assert.AreEqual(start + 1, TorchRuntime.LiveTensorCount);
        }
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount);
        for (var i = 0; i < 200; i++)
        {
            var model = TorchModel.Create(TinyProblems.TinyCnn, seed: (ulong)i);
            model.Dispose();
            model.Dispose();
        }
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "a disposed model (disposed twice, too) holds no tensor");
    }

    [TestMethod]
    public void TwoThousandTrainingStepsLeakNoTensorAndKeepNativeMemoryFlat()
    {
        using var model = TorchModel.Create(TinyProblems.TinyCnn, seed: 3);
        var (inputs, labels) = TinyProblems.Batch(model, 16, seed: 4);
        var logits = new float[16 * model.ClassCount];
        void Step()
        {
            model.TrainStep(inputs, labels);
            var parameters = model.Parameters.AsSpan();
            var gradients = model.Gradients.AsSpan();
            for (var i = 0; i < parameters.Length; i++) parameters[i] -= 0.01f * gradients[i];
            model.Forward(inputs, logits);
        }
        for (var i = 0; i < 200; i++) Step();
        var start = TorchRuntime.LiveTensorCount;
        var rssAfterWarmUp = ResidentBytes();
        for (var i = 0; i < 2_000; i++) Step();
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "live tensors after 2,000 steps");
        var growth = (double)(ResidentBytes() - rssAfterWarmUp) / rssAfterWarmUp;
        Assert.IsLessThan(0.05, growth, $"RSS grew by {growth:P1} over 2,000 steps");
    }

    [TestMethod]
    public void UsingADisposedModelThrowsObjectDisposedException()
    {
        var model = TorchModel.Create(TinyProblems.TinyMlp);
        var (inputs, labels) = TinyProblems.Batch(model, 2, seed: 1);
        model.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.TrainStep(inputs, labels));
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Forward(inputs));
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Parameters.ToArray());
    }

    [TestMethod]
    public void VectorsRoundTripValuesAndRejectWrongLengths()
    {
        using var vector = FlatVector.FromArray([1f, -2f, 3.5f]);
        CollectionAssert.AreEqual(new[] { 1f, -2f, 3.5f }, vector.ToArray());
        vector.CopyFrom([4f, 5f, 6f]);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, vector.AsSpan().ToArray());
        var error = Assert.ThrowsExactly<ArgumentException>(() => vector.CopyFrom([1f]));
        StringAssert.Contains(error.Message, "The buffer holds 1 floats; the vector has 3");
        using var zeros = FlatVector.Zeros(4);
        CollectionAssert.AreEqual(new float[4], zeros.ToArray());
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
