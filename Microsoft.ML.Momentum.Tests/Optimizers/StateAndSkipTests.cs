using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class StateAndSkipTests
{
    private static float[] RunWithEpochs(Optimizer optimizer, LeastSquares problem, float[] x, long from, long to, Backend backend = Backend.Cpu)
    {
        for (var k = from; k < to; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            Run.Step(optimizer, x, g, loss, backend);
            if (k % 10 == 9) optimizer.EndEpoch(loss);
        }
        return x;
    }

    [TestMethod]
    [DataRow(Backend.Cpu)]
    [DataRow(Backend.Tensor)]
    public void SaveThenLoadMidRunContinuesBitIdentically(Backend backend)
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Methods.All())
        {
            using var uninterrupted = create().WithHorizon();
            var expected = RunWithEpochs(uninterrupted, problem, problem.StartFloat, 0, 100, backend);

            using var first = create().WithHorizon();
            var x = RunWithEpochs(first, problem, problem.StartFloat, 0, 47, backend);
            using var state = new MemoryStream();
            first.SaveState(state);
            state.Position = 0;
            using var resumed = create();
            resumed.LoadState(state);
            Assert.AreEqual(47L, resumed.StepCount, name);
            Assert.IsNotNull(resumed.Horizon, $"{name}: horizon restored from the state");
            var actual = RunWithEpochs(resumed, problem, x, 47, 100, backend);
            CollectionAssert.AreEqual(expected, actual, $"{name}: resumed run differs");
            Assert.AreEqual(uninterrupted.Diagnostics, resumed.Diagnostics, name);
        }
    }

    [TestMethod]
    [DataRow(Backend.Cpu)]
    [DataRow(Backend.Tensor)]
    public void NonFiniteLossOrGradientSkipsTheStepAndTouchesNoState(Backend backend)
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Methods.All())
        {
            foreach (var bad in new[] { "loss", "gradient-nan", "gradient-inf" })
            {
                using var clean = create().WithHorizon();
                using var disturbed = create().WithHorizon();
                var x1 = RunWithEpochs(clean, problem, problem.StartFloat, 0, 30, backend);
                var x2 = RunWithEpochs(disturbed, problem, problem.StartFloat, 0, 30, backend);
                var before = (float[])x2.Clone();
                var (loss, g) = problem.Evaluate(x2, 30);
                if (bad == "loss") loss = double.NaN;
                else g[3] = bad == "gradient-nan" ? float.NaN : float.PositiveInfinity;
                Run.Step(disturbed, x2, g, loss, backend);
                CollectionAssert.AreEqual(before, x2, $"{name}/{bad}: parameters changed");
                Assert.IsTrue(disturbed.Diagnostics.LastStepSkipped, $"{name}/{bad}");
                Assert.AreEqual(1L, disturbed.Diagnostics.SkippedSteps, $"{name}/{bad}");
                Assert.AreEqual(30L, disturbed.StepCount, $"{name}/{bad}");
                RunWithEpochs(clean, problem, x1, 30, 60, backend);
                RunWithEpochs(disturbed, problem, x2, 30, 60, backend);
                CollectionAssert.AreEqual(x1, x2, $"{name}/{bad}: the skipped step left a trace");
                Assert.AreEqual(0, disturbed.Diagnostics.ConsecutiveSkips);
            }
        }
    }

    [TestMethod]
    public void MomoTakesTheCappedStepWhenAParameterIsNotFinite()
    {
        // Below and above the length from which MoMo double-buffers its state (the two code paths), on both backends.
        foreach (var n in new[] { 1_000, (1 << 21) + 5 })
        {
            foreach (var (name, create) in new (string, Func<Optimizer>)[] { ("momo", () => new Momo()), ("momo-adam", () => new MomoAdam()) })
            {
                using var capped = create();
                using var disturbed = create();
                using var tensor = create();
                var x1 = new float[n];
                var x2 = new float[n];
                Quadratic(capped, x1, 3);
                Quadratic(disturbed, x2, 3);
                using var xv = FlatVector.Zeros(n);
                using var gv = FlatVector.Zeros(n);
                for (var k = 0; k < 3; k++) TensorStep(tensor, xv, gv, nanAt: null);

                // A loss far above the model's value puts τ at its cap α/ρ: the step a NaN in x must fall back to.
                var (loss, g) = QuadraticGradient(x1);
                capped.Step(x1, g, 1e30);
                var (kept, keptOnTensor) = (x2[3], xv.ToArray()[3]);
                x2[3] = float.NaN;
                disturbed.Step(x2, g, loss);
                TensorStep(tensor, xv, gv, nanAt: 3);
                foreach (var optimizer in new[] { disturbed, tensor })
                {
                    var d = optimizer.Diagnostics;
                    Assert.IsFalse(d.LastStepSkipped, $"{name} n={n}: skipped");
                    Assert.IsTrue(double.IsNaN(d.PolyakStepSize), $"{name} n={n}: a Polyak step from non-finite sums");
                    Assert.AreEqual(capped.Diagnostics.StepSize, d.StepSize, $"{name} n={n}: not the cap");
                }
                var others = (float[] x) => x.Where((_, i) => i != 3).ToArray();
                Assert.IsTrue(float.IsNaN(x2[3]) && float.IsNaN(xv.ToArray()[3]), $"{name} n={n}: the NaN was replaced");
                CollectionAssert.AreEqual(others(x1), others(x2), $"{name} n={n}: not the capped step");
                Run.AssertClose(others(x1), others(xv.ToArray()), 1e-4, $"{name} n={n}: the tensor backend");

                // Repaired, the run goes on: neither the averages nor d (and v) took in the NaN.
                x2[3] = kept;
                Quadratic(disturbed, x2, 3);
                var repaired = xv.ToArray();
                repaired[3] = keptOnTensor;
                xv.CopyFrom(repaired);
                for (var k = 0; k < 3; k++) TensorStep(tensor, xv, gv, nanAt: null);
                foreach (var (optimizer, x) in new[] { (disturbed, x2), (tensor, xv.ToArray()) })
                {
                    Assert.AreEqual(0L, optimizer.Diagnostics.SkippedSteps, $"{name} n={n}");
                    Assert.IsTrue(x.All(float.IsFinite) && double.IsFinite(optimizer.Diagnostics.PolyakStepSize), $"{name} n={n}: the NaN stayed");
                }
            }
        }
    }

    [TestMethod]
    public void AutoDropKeepsItsRunningSumWhenMomoFallsBackToTheCap()
    {
        // x = 1e38 and g = 4 at one element: ⟨g,x⟩ beyond float's range, so τ is undefined on every step and each takes
        // the cap (there x moves by less than its ulp). AutoDrop's window means must still see every step's x, as the
        // angle between their displacements shows.
        const int n = 40;
        using var optimizer = new AutoDrop { Window = 2, MinBuffer = 50 }.Over(new Momo { LearningRate = 0.5 });
        var x = Enumerable.Range(0, n).Select(i => 0.1f * (i % 5) - 0.2f).ToArray();
        x[5] = 1e38f;
        var iterates = new List<double[]>();
        for (var k = 0; k < 6; k++)
        {
            var (loss, g) = QuadraticGradient(x);
            for (var i = 0; i < n; i++) g[i] *= 0.5f + 2f * (i % 4); // curvatures that turn the trajectory
            g[5] = 4;
            optimizer.Step(x, g, loss);
            Assert.IsFalse(optimizer.Diagnostics.LastStepSkipped, $"step {k}");
            Assert.IsTrue(double.IsNaN(optimizer.Diagnostics.PolyakStepSize), $"step {k} had a Polyak step");
            iterates.Add(x.Select(v => (double)v).ToArray());
        }
        double[] Mean(int window) => Enumerable.Range(0, n).Select(i => (iterates[2 * window][i] + iterates[2 * window + 1][i]) / 2).ToArray();
        var (y0, y1, y2) = (Mean(0), Mean(1), Mean(2));
        var (s1, s2) = (y1.Zip(y0, (a, b) => a - b).ToArray(), y2.Zip(y1, (a, b) => a - b).ToArray());
        var expected = AngularVelocity.Degrees(s2.Zip(s1, (a, b) => a * b).Sum(), s2.Sum(v => v * v), s1.Sum(v => v * v));
        Assert.IsTrue(expected > 1 && expected < 179, $"a degenerate angle {expected}");
        Assert.AreEqual(expected, optimizer.Diagnostics.AngularVelocity, 1e-3, "the angle of the window means");
    }

    /// <summary>One <see cref="Quadratic"/> step on the tensor backend, with a NaN put into x first if asked.</summary>
    private static void TensorStep(Optimizer optimizer, FlatVector x, FlatVector g, int? nanAt)
    {
        var values = x.ToArray();
        var (loss, gradient) = QuadraticGradient(values);
        if (nanAt is { } i)
        {
            values[i] = float.NaN;
            x.CopyFrom(values);
        }
        g.CopyFrom(gradient);
        optimizer.Step(x, g, loss);
    }

    /// <summary>Steps on f(x) = ½‖x − t‖²/n with t_i = (i mod 7)/7.</summary>
    private static void Quadratic(Optimizer optimizer, float[] x, int steps)
    {
        for (var k = 0; k < steps; k++)
        {
            var (loss, g) = QuadraticGradient(x);
            optimizer.Step(x, g, loss);
        }
    }

    private static (double Loss, float[] G) QuadraticGradient(float[] x)
    {
        var g = new float[x.Length];
        double loss = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = x[i] - (i % 7) / 7f;
            g[i] = r;
            loss += 0.5 * r * r;
        }
        return (loss / x.Length, g);
    }

    [TestMethod]
    public void TooManyConsecutiveSkipsThrow()
    {
        using var optimizer = new SgdMomentum { MaxConsecutiveSkips = 3 };
        var x = new float[4];
        var g = new[] { float.NaN, 0f, 0f, 0f };
        optimizer.Step(x, g, 0);
        optimizer.Step(x, g, 0);
        var error = Assert.ThrowsExactly<NonFiniteStepException>(() => optimizer.Step(x, g, 0));
        Assert.AreEqual(3, error.ConsecutiveSkips);
        StringAssert.Contains(error.Message, "non-finite");
    }

    [TestMethod]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        const int n = 300_001; // several chunks plus a ragged tail
        var random = new Random(3);
        var target = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
        foreach (var (name, create) in Methods.All())
        {
            float[]? reference = null;
            double referenceStep = 0;
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var optimizer = create().WithHorizon();
                optimizer.Parallelism = threads;
                var x = new float[n];
                var g = new float[n];
                for (var k = 0; k < 12; k++)
                {
                    double loss = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var r = x[i] - target[i];
                        g[i] = r;
                        loss += 0.5 * r * r;
                    }
                    optimizer.Step(x, g, loss / n);
                }
                if (reference is null)
                {
                    reference = x;
                    referenceStep = optimizer.Diagnostics.StepSize;
                }
                else
                {
                    CollectionAssert.AreEqual(reference, x, $"{name}: {threads} threads differ from 1");
                    Assert.AreEqual(referenceStep, optimizer.Diagnostics.StepSize, $"{name}: step size with {threads} threads");
                }
            }
        }
    }

    [TestMethod]
    public void LengthMismatchesAreErrors()
    {
        using var optimizer = new Adam();
        Assert.ThrowsExactly<ArgumentException>(() => optimizer.Step(new float[3], new float[2], 0));
        optimizer.Step(new float[3], new float[3], 0);
        var error = Assert.ThrowsExactly<ArgumentException>(() => optimizer.Step(new float[4], new float[4], 0));
        StringAssert.Contains(error.Message, "3 parameters");
    }

    [TestMethod]
    public void LoadingAnotherMethodsStateIsAnError()
    {
        using var adam = new Adam();
        adam.Step(new float[3], new float[3], 0);
        using var state = new MemoryStream();
        adam.SaveState(state);
        state.Position = 0;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new SgdMomentum().LoadState(state));
        StringAssert.Contains(error.Message, "adam");
        Assert.ThrowsExactly<InvalidDataException>(() => new Adam().LoadState(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));
    }

    [TestMethod]
    public void DiagnosticsReportTheScheduledValues()
    {
        using var optimizer = new DemonSgd { LearningRate = 0.1, LearningRateSchedule = new Microsoft.ML.Momentum.Schedules.StepSchedule { StepSize = 2, Gamma = 0.5 } };
        optimizer.SetHorizon(4, 2);
        var x = new float[2];
        optimizer.Step(x, [1f, 1f], 0);
        Assert.AreEqual(0.1, optimizer.Diagnostics.LearningRate, 1e-15);
        Assert.AreEqual(0.9, optimizer.Diagnostics.Momentum, 1e-15);
        optimizer.Step(x, [1f, 1f], 0);
        optimizer.Step(x, [1f, 1f], 0);
        Assert.AreEqual(0.05, optimizer.Diagnostics.LearningRate, 1e-15);
        Assert.AreEqual(Microsoft.ML.Momentum.Schedules.DemonSchedule.Beta(0.9, 2, 4), optimizer.Diagnostics.Momentum, 1e-15);
        Assert.AreEqual(3L, optimizer.Diagnostics.StepCount);
    }

    [TestMethod]
    public void MissingHorizonGivesAClearError()
    {
        using var optimizer = new DemonSgd();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => optimizer.Step(new float[2], new float[2], 0));
        StringAssert.Contains(error.Message, "SetHorizon");
    }
}
