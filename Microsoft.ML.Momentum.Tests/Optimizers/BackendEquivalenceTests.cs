using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>The CPU (span) backend and the tensor (TorchSharp) backend give the same trajectory.</summary>
[TestClass]
public sealed class BackendEquivalenceTests
{
    private const int Steps = 100;

    private static (float[] X, List<double> Rates) RunCpu(Optimizer optimizer, LeastSquares problem, int steps = Steps)
    {
        var x = problem.StartFloat;
        var rates = new List<double>();
        for (var k = 0; k < steps; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, loss);
            rates.Add(optimizer.Diagnostics.StepSize);
            if (k % 10 == 9) optimizer.EndEpoch(loss);
        }
        return (x, rates);
    }

    private static (float[] X, List<double> Rates) RunTensor(Optimizer optimizer, LeastSquares problem, int steps = Steps)
    {
        using var x = FlatVector.FromArray(problem.StartFloat);
        using var g = FlatVector.Zeros(problem.N);
        var rates = new List<double>();
        for (var k = 0; k < steps; k++)
        {
            var (loss, gradient) = problem.Evaluate(x.ToArray(), k);
            g.CopyFrom(gradient);
            optimizer.Step(x, g, loss);
            rates.Add(optimizer.Diagnostics.StepSize);
            if (k % 10 == 9) optimizer.EndEpoch(loss);
        }
        return (x.ToArray(), rates);
    }

    /// <summary>
    /// Every method on 24 parameters (whole SIMD vectors), 37 (two 64-byte lines and a scalar tail of 5) and 70 001
    /// (two CPU chunks, a ragged tail); the largest differences are printed for the record.
    /// </summary>
    [TestMethod]
    [DataRow(24, Steps)]
    [DataRow(37, Steps)]
    [DataRow(70_001, 12)]
    public void EveryMethodGivesTheSameTrajectoryOnBothBackends(int n, int steps)
    {
        var problem = new LeastSquares(n);
        foreach (var (name, create) in Methods.All())
        {
            using var cpuOptimizer = create().WithHorizon();
            using var tensorOptimizer = create().WithHorizon();
            var cpu = RunCpu(cpuOptimizer, problem, steps);
            var tensor = RunTensor(tensorOptimizer, problem, steps);
            Run.AssertClose(cpu.X, tensor.X, 1e-4, $"{name} n={n}");
            for (var k = 0; k < steps; k++) Assert.AreEqual(cpu.Rates[k], tensor.Rates[k], 1e-4 * Math.Max(1, Math.Abs(cpu.Rates[k])), $"{name} n={n}: step size at {k}");
            Assert.AreEqual(cpuOptimizer.Diagnostics.DropCount, tensorOptimizer.Diagnostics.DropCount, $"{name} n={n}: drops");
            Assert.IsTrue(cpu.X.Zip(problem.StartFloat).Any(p => p.First != p.Second), $"{name} n={n} did not move");
            var dx = cpu.X.Zip(tensor.X, (a, b) => Math.Abs((double)a - b)).Max();
            var dRate = cpu.Rates.Zip(tensor.Rates, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(a))).Max();
            Console.WriteLine($"CPU vs tensor n={n} {name,-22} max |Δx| {dx:E2}  max rel Δ step size {dRate:E2}");
        }
    }

    /// <summary>
    /// From 2^21 elements MoMo double-buffers its state (and the CPU backend streams its stores): both backends
    /// still agree, a non-finite gradient leaves the state untouched (the spares are scratch), and a saved state
    /// continues the same trajectory.
    /// </summary>
    [TestMethod]
    public void MomoWithDoubleBufferedStateAgreesAndSkipsANonFiniteGradientWithoutTouchingState()
    {
        const int n = DoubleBufferedProblem.N;
        var x0 = DoubleBufferedProblem.Start();
        var Gradient = DoubleBufferedProblem.Gradient;
        foreach (var (name, create) in new (string, Func<Optimizer>)[] { ("momo", () => new Momo()), ("momoAdam", () => new MomoAdam()) })
        {
            using var cpu = create();
            using var skipping = create();
            using var tensor = create();
            var x = (float[])x0.Clone();
            var xs = (float[])x0.Clone();
            using var xv = FlatVector.FromArray(x0);
            using var gv = FlatVector.Zeros(n);
            for (var k = 0; k < 4; k++)
            {
                var g = Gradient(x, k);
                cpu.Step(x, g, 2.0);
                gv.CopyFrom(Gradient(xv.ToArray(), k));
                tensor.Step(xv, gv, 2.0);
                if (k == 2)
                {
                    var bad = Gradient(xs, k);
                    bad[n - 1] = float.NaN;
                    skipping.Step(xs, bad, 2.0);
                    Assert.AreEqual(1L, skipping.Diagnostics.SkippedSteps, name);
                }
                skipping.Step(xs, Gradient(xs, k), 2.0);
            }
            Run.AssertClose(x, xv.ToArray(), 1e-4, name + ": CPU against tensor");
            CollectionAssert.AreEqual(x, xs, name + ": skipped steps changed the trajectory");

            using var state = new MemoryStream();
            cpu.SaveState(state);
            state.Position = 0;
            using var resumed = create();
            resumed.LoadState(state);
            var xr = (float[])x.Clone();
            var g4 = Gradient(x, 4);
            cpu.Step(x, g4, 2.0);
            resumed.Step(xr, g4, 2.0);
            CollectionAssert.AreEqual(x, xr, name + ": resumed from the saved state");
        }
    }

    [TestMethod]
    public void TensorBackendSkipsNonFiniteGradients()
    {
        using var optimizer = new Momo();
        using var x = FlatVector.FromArray([1f, 2f]);
        using var g = FlatVector.FromArray([float.NaN, 1f]);
        optimizer.Step(x, g, 1.0);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, x.ToArray());
        Assert.IsTrue(optimizer.Diagnostics.LastStepSkipped);
        using var adam = new Adam();
        adam.Step(x, g, 1.0);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, x.ToArray());
        Assert.AreEqual(1L, adam.Diagnostics.SkippedSteps);
    }

    [TestMethod]
    public void StateMovesBetweenBackends()
    {
        var problem = new LeastSquares();
        using var first = new Adam { LearningRate = 0.01 };
        var x = Run.Cpu(first, problem, 30);
        using var state = new MemoryStream();
        first.SaveState(state);
        var reference = Run.Cpu(first, problem, 20, (float[])x.Clone(), 30);

        using var second = new Adam { LearningRate = 0.01 };
        state.Position = 0;
        second.LoadState(state);
        using var xv = FlatVector.FromArray(x);
        using var g = FlatVector.Zeros(problem.N);
        for (var k = 30; k < 50; k++)
        {
            var (loss, gradient) = problem.Evaluate(xv.ToArray(), k);
            g.CopyFrom(gradient);
            second.Step(xv, g, loss);
        }
        Run.AssertClose(reference, xv.ToArray(), 1e-5, "CPU state continued on the tensor backend");
    }

    [TestMethod]
    public void MixingBackendsInOneRunIsAnError()
    {
        using var optimizer = new Sgd();
        optimizer.Step(new float[2], new float[2], 0);
        using var x = FlatVector.Zeros(2);
        using var g = FlatVector.Zeros(2);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => optimizer.Step(x, g, 0));
        StringAssert.Contains(error.Message, "tensors on cpu");
        using var onTensors = new Sgd();
        onTensors.Step(x, g, 0);
        Assert.ThrowsExactly<InvalidOperationException>(() => onTensors.Step(new float[2], new float[2], 0));
    }
}
