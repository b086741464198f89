using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// The tensor backend's own guarantees: no tensor outlives the kernel that made it, the state outlives a dispose
/// scope open around the step that allocated it, and kernels reject vectors that are not the parameters' kind.
/// </summary>
[TestClass]
public sealed class TensorBackendTests
{
    /// <summary>
    /// Every method, and MoMo's speculative, corrected and double-buffered paths, over many steps with a skipped step,
    /// epoch ends and a save/load in the middle: after the first step (which allocates the state) the live tensor
    /// count stays where it is, and disposing the optimizer gives back the state's tensors.
    /// </summary>
    [TestMethod]
    public void NoStepLeavesATensorBehind()
    {
        var problem = new LeastSquares(37);
        var runs = Methods.All().Select(m => (m.Name, m.Create, Loss: (Func<long, double, double>)((_, loss) => loss)))
            .Concat(Speculating(k => k == 40 ? -1e9 : 100.0 * problem.N));
        foreach (var (name, create, lossAt) in runs)
        {
            var start = TorchRuntime.LiveTensorCount;
            using (var optimizer = create().WithHorizon())
            using (var x = FlatVector.FromArray(problem.StartFloat))
            using (var g = FlatVector.Zeros(problem.N))
            {
                long? afterFirst = null;
                for (var k = 0; k < 60; k++)
                {
                    var (loss, gradient) = problem.Evaluate(x.ToArray(), k);
                    if (k == 20) gradient[5] = float.NaN;
                    g.CopyFrom(gradient);
                    optimizer.Step(x, g, lossAt(k, loss));
                    if (k % 10 == 9) optimizer.EndEpoch(loss);
                    if (k == 30) SaveAndLoad(optimizer);
                    afterFirst ??= TorchRuntime.LiveTensorCount;
                    Assert.AreEqual(afterFirst.Value, TorchRuntime.LiveTensorCount, $"{name}: live tensors after step {k}");
                }
                Assert.AreEqual(1L, optimizer.Diagnostics.SkippedSteps, $"{name}: the NaN step was not skipped");
            }
            Assert.AreEqual(start, TorchRuntime.LiveTensorCount, $"{name}: tensors left after Dispose");
        }

        // Double-buffered MoMo: the spares, pass 1 writing them, pass 2, the speculative step and its correction.
        double[] losses = [1e9, 1e9, -1e11, 1e12, 1e12];
        foreach (var (name, create, _) in Speculating(_ => 1))
        {
            var start = TorchRuntime.LiveTensorCount;
            using (var optimizer = create())
            using (var x = FlatVector.FromArray(DoubleBufferedProblem.Start()))
            using (var g = FlatVector.Zeros(DoubleBufferedProblem.N))
            {
                long? afterFirst = null;
                for (var k = 0; k < losses.Length; k++)
                {
                    g.CopyFrom(DoubleBufferedProblem.Gradient(x.ToArray(), k));
                    optimizer.Step(x, g, losses[k]);
                    afterFirst ??= TorchRuntime.LiveTensorCount;
                    Assert.AreEqual(afterFirst.Value, TorchRuntime.LiveTensorCount, $"{name}, double-buffered: live tensors after step {k}");
                }
            }
            Assert.AreEqual(start, TorchRuntime.LiveTensorCount, $"{name}, double-buffered: tensors left after Dispose");
        }
    }

    [TestMethod]
    public void StateAllocatedInsideAnOuterDisposeScopeOutlivesIt()
    {
        using var optimizer = new Adam { LearningRate = 0.01 };
        using var x = FlatVector.FromArray([1f, -2f, 3f]);
        using var g = FlatVector.FromArray([0.5f, 0.5f, -1f]);
        using (torch.NewDisposeScope()) optimizer.Step(x, g, 0);
        optimizer.Step(x, g, 0);
        using var state = new MemoryStream();
        optimizer.SaveState(state);
        state.Position = 0;
        var m = StateBag.Read(state).GetFloats("rule.m");
        Assert.IsTrue(m.All(value => value != 0), "the first moment was lost with the outer scope");
        Assert.AreEqual(2L, optimizer.StepCount);
    }

    [TestMethod]
    public unsafe void KernelsRejectVectorsOfAnotherLengthOrKind()
    {
        var backend = new TensorBackend(ComputeDevice.Cpu);
        using var x = FlatVector.Zeros(3);
        using var g = FlatVector.Zeros(2);
        var error = Assert.ThrowsExactly<ArgumentException>(() => backend.Sgd(new Vec(x), new Vec(g), Vec.None, 0, 0.1f, 1));
        StringAssert.Contains(error.Message, "g: length 2 does not match the parameters' length 3");
        using var m = backend.Allocate(4);
        error = Assert.ThrowsExactly<ArgumentException>(() => backend.Momentum(new Vec(x), new Vec(x), m.AsVec(), Vec.None, default));
        StringAssert.Contains(error.Message, "m: length 4");
        var host = new float[3];
        fixed (float* pointer = host)
        {
            var hostVec = new Vec(pointer, 3);
            error = Assert.ThrowsExactly<ArgumentException>(() => backend.Axpy(new Vec(x), 1, hostVec));
            StringAssert.Contains(error.Message, "needs a tensor");
        }
        using var optimizer = new Sgd();
        Assert.ThrowsExactly<ArgumentException>(() => optimizer.Step(x, g, 0));
        Assert.ThrowsExactly<ArgumentException>(() => optimizer.Step(x, x, 0));
    }

    /// <summary>MoMo configurations whose cap binds under <paramref name="lossFactor"/>(k)·loss, so that steps speculate.</summary>
    private static IEnumerable<(string Name, Func<Optimizer> Create, Func<long, double, double> Loss)> Speculating(Func<long, double> lossFactor)
    {
        Func<long, double, double> loss = (k, f) => lossFactor(k) * f;
        yield return ("momo-speculating", () => new Momo { LearningRate = 1e-3 }, loss);
        yield return ("momo-adam-speculating", () => new MomoAdam { LearningRate = 1e-4, WeightDecay = 0.01 }, loss);
    }

    private static void SaveAndLoad(Optimizer optimizer)
    {
        using var state = new MemoryStream();
        optimizer.SaveState(state);
        state.Position = 0;
        optimizer.LoadState(state);
    }
}
