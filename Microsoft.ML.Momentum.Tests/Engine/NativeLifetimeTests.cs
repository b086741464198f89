using Microsoft.ML.Momentum.Engine;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class NativeLifetimeTests
{
    [TestMethod]
    public void CreatingAndDisposingTenThousandNativeObjectsLeavesTheCounterUnchanged()
    {
        var start = TorchEngine.LiveObjectCount;
        for (var i = 0; i < 5_000; i++)
        {
            using var vector = NativeVector.FromArray([1f, 2f, 3f]);
            Assert.AreEqual(start + 1, TorchEngine.LiveObjectCount);
        }
        for (var i = 0; i < 5_000; i++)
        {
            // A model counts itself and its two buffer views.
            using var model = NativeModel.Create(TinyProblems.TinyMlp, seed: (ulong)i);
            Assert.AreEqual(start + 3, TorchEngine.LiveObjectCount);
        }
        Assert.AreEqual(start, TorchEngine.LiveObjectCount);
    }

    [TestMethod]
    public void VectorsRoundTripValuesAndRejectWrongLengths()
    {
        using var vector = NativeVector.FromArray([1f, -2f, 3.5f]);
        CollectionAssert.AreEqual(new[] { 1f, -2f, 3.5f }, vector.ToArray());
        vector.CopyFrom([4f, 5f, 6f]);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, vector.AsSpan().ToArray());
        var error = Assert.ThrowsExactly<ArgumentException>(() => vector.CopyFrom([1f]));
        StringAssert.Contains(error.Message, "length 1 does not match tensor length 3");
        using var zeros = NativeVector.Zeros(4);
        CollectionAssert.AreEqual(new float[4], zeros.ToArray());
    }
}
