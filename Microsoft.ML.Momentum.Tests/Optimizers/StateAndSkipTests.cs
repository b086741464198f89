using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class StateAndSkipTests
{
    private static float[] RunWithEpochs(Optimizer optimizer, LeastSquares problem, float[] x, long from, long to)
    {
        for (var k = from; k < to; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, loss);
            if (k % 10 == 9) optimizer.EndEpoch(loss);
        }
        return x;
    }

    [TestMethod]
    public void SaveThenLoadMidRunContinuesBitIdentically()
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Methods.All())
        {
            using var uninterrupted = create().WithHorizon();
            var expected = RunWithEpochs(uninterrupted, problem, problem.StartFloat, 0, 100);

            using var first = create().WithHorizon();
            var x = RunWithEpochs(first, problem, problem.StartFloat, 0, 47);
            using var state = new MemoryStream();
            first.SaveState(state);
            state.Position = 0;
            using var resumed = create();
            resumed.LoadState(state);
            Assert.AreEqual(47L, resumed.StepCount, name);
            Assert.IsNotNull(resumed.Horizon, $"{name}: horizon restored from the state");
            var actual = RunWithEpochs(resumed, problem, x, 47, 100);
            CollectionAssert.AreEqual(expected, actual, $"{name}: resumed run differs");
            Assert.AreEqual(uninterrupted.Diagnostics, resumed.Diagnostics, name);
        }
    }

    [TestMethod]
    public void NonFiniteLossOrGradientSkipsTheStepAndTouchesNoState()
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Methods.All())
        {
            foreach (var bad in new[] { "loss", "gradient-nan", "gradient-inf" })
            {
                using var clean = create().WithHorizon();
                using var disturbed = create().WithHorizon();
                var x1 = RunWithEpochs(clean, problem, problem.StartFloat, 0, 30);
                var x2 = RunWithEpochs(disturbed, problem, problem.StartFloat, 0, 30);
                var before = (float[])x2.Clone();
                var (loss, g) = problem.Evaluate(x2, 30);
                if (bad == "loss") loss = double.NaN;
                else g[3] = bad == "gradient-nan" ? float.NaN : float.PositiveInfinity;
                disturbed.Step(x2, g, loss);
                CollectionAssert.AreEqual(before, x2, $"{name}/{bad}: parameters changed");
                Assert.IsTrue(disturbed.Diagnostics.LastStepSkipped, $"{name}/{bad}");
                Assert.AreEqual(1L, disturbed.Diagnostics.SkippedSteps, $"{name}/{bad}");
                Assert.AreEqual(30L, disturbed.StepCount, $"{name}/{bad}");
                RunWithEpochs(clean, problem, x1, 30, 60);
                RunWithEpochs(disturbed, problem, x2, 30, 60);
                CollectionAssert.AreEqual(x1, x2, $"{name}/{bad}: the skipped step left a trace");
                Assert.AreEqual(0, disturbed.Diagnostics.ConsecutiveSkips);
            }
        }
    }

    [TestMethod]
    public void MomoSkipsANonFiniteParameterWithItsStateUntouched()
    {
        // Below and above the length from which MoMo double-buffers its state: the two code paths.
        foreach (var n in new[] { 1_000, (1 << 21) + 5 })
        {
            foreach (var (name, create) in new (string, Func<Optimizer>)[] { ("momo", () => new Momo()), ("momo-adam", () => new MomoAdam()) })
            {
                using var clean = create();
                using var disturbed = create();
                var x1 = new float[n];
                var x2 = new float[n];
                Quadratic(clean, x1, 3);
                Quadratic(disturbed, x2, 3);
                var kept = x2[3];
                x2[3] = float.NaN;
                var g = new float[n];
                g.AsSpan().Fill(0.5f);
                disturbed.Step(x2, g, 1.0);
                Assert.IsTrue(disturbed.Diagnostics.LastStepSkipped, $"{name} n={n}");
                Assert.IsTrue(x2.Where((_, i) => i != 3).SequenceEqual(x1.Where((_, i) => i != 3)), $"{name} n={n}: parameters changed");
                x2[3] = kept;
                Quadratic(clean, x1, 3);
                Quadratic(disturbed, x2, 3);
                CollectionAssert.AreEqual(x1, x2, $"{name} n={n}: the skipped step left a trace in the state");
            }
        }
    }

    /// <summary>Steps on f(x) = ½‖x − t‖²/n with t_i = (i mod 7)/7.</summary>
    private static void Quadratic(Optimizer optimizer, float[] x, int steps)
    {
        var g = new float[x.Length];
        for (var k = 0; k < steps; k++)
        {
            double loss = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var r = x[i] - (i % 7) / 7f;
                g[i] = r;
                loss += 0.5 * r * r;
            }
            optimizer.Step(x, g, loss / x.Length);
        }
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
