using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// MoMo's speculative capped steps: after a step whose τ sat at the cap α/ρ, the next one moves x with the cap in
/// the same pass that computes τ's sums, and corrects x when τ comes out smaller. The results must be the two-pass
/// results: bit for bit when the cap binds, within float rounding after a correction.
/// </summary>
[TestClass]
public sealed class MomoSpeculationTests
{
    /// <summary>Configurations whose cap binds on the least-squares problem at every step after the first.</summary>
    private static IEnumerable<(string Name, Func<bool, Optimizer> Create)> Capped()
    {
        yield return ("momo", s => new Momo { LearningRate = 1e-3, SpeculateCappedSteps = s });
        yield return ("momo-wd-bc", s => new Momo { LearningRate = 1e-3, WeightDecay = 0.01, BiasCorrection = true, SpeculateCappedSteps = s });
        yield return ("momo-adam", s => new MomoAdam { LearningRate = 1e-4, SpeculateCappedSteps = s });
        yield return ("momo-adam-wd", s => new MomoAdam { LearningRate = 1e-4, WeightDecay = 0.01, SpeculateCappedSteps = s });
        yield return ("momo-adam-decoupled", s => new MomoAdam { LearningRate = 1e-4, WeightDecay = 0.01, Divide = false, SpeculateCappedSteps = s });
    }

    /// <summary>Sizes: SIMD lines with a scalar tail in one chunk, and several chunks on two threads.</summary>
    private static readonly int[] Sizes = [24, 70_001];

    [TestMethod]
    public void CappedStepsInOnePassEqualTwoPassesBitForBit()
    {
        foreach (var n in Sizes)
        {
            var problem = new LeastSquares(n);
            foreach (var (name, create) in Capped())
            {
                using var speculative = Threaded(create(true));
                using var twoPass = Threaded(create(false));
                var (x1, tau1) = Steps(speculative, problem, 20, Binding(n));
                var (x2, tau2) = Steps(twoPass, problem, 20, Binding(n));
                CollectionAssert.AreEqual(tau2, tau1, $"{name} n={n}: step sizes");
                CollectionAssert.AreEqual(x2, x1, $"{name} n={n}: parameters");
                Assert.IsTrue(tau1.Skip(1).All(t => t.Capped), $"{name} n={n}: the cap did not bind, so no step was speculative: {string.Join(" ", tau1)}");
            }
        }
    }

    [TestMethod]
    public void AMissedSpeculationIsCorrectedToTheTwoPassStep()
    {
        foreach (var n in Sizes)
        {
            var problem = new LeastSquares(n);
            foreach (var (name, create) in Capped())
            {
                // Losses that shrink geometrically: the averages follow, and the Polyak step falls through the cap a
                // little at a time, as in training. The first step below the cap speculates and misses.
                Func<long, double> shrinking = Shrinking(create(false), problem);
                using var speculative = Threaded(create(true));
                using var twoPass = Threaded(create(false));
                var (x1, tau1) = Steps(speculative, problem, 60, shrinking);
                var missed = Enumerable.Range(1, tau1.Count - 1).FirstOrDefault(k => tau1[k - 1].Capped && !tau1[k].Capped);
                Assert.IsTrue(missed > 0 && tau1[missed].Tau > 0, $"{name} n={n}: no missed speculation with 0 < τ < cap");
                var steps = missed + 3;
                using var speculativeAgain = Threaded(create(true));
                (x1, tau1) = Steps(speculativeAgain, problem, steps, shrinking);
                var (x2, tau2) = Steps(twoPass, problem, steps, shrinking);
                // Up to the miss bit for bit. The correction rounds x differently from one pass (an ulp per element), and
                // τ amplifies that through the cancellation in h = f̄ + ⟨d,x⟩ − γ: here by about 2·10³, as it would any
                // other rounding difference (1.2·10⁻⁴ relative seen for MoMo at n = 24).
                for (var k = 0; k < steps; k++)
                {
                    Assert.AreEqual(tau2[k].Tau, tau1[k].Tau, k < missed ? 0 : 1e-3 * tau2[k].Tau, $"{name} n={n}: τ at step {k} (missed at {missed})");
                    Assert.AreEqual(tau2[k].Capped, tau1[k].Capped, $"{name} n={n}: capped at step {k}");
                }
                Run.AssertClose(x2, x1, 1e-5, $"{name} n={n}");
            }
        }
    }

    [TestMethod]
    public void ANonFiniteGradientOnASpeculativeStepIsSkippedWithTheStateUntouched()
    {
        var problem = new LeastSquares(70_001);
        foreach (var (name, create) in Capped())
        {
            using var clean = Threaded(create(true));
            using var disturbed = Threaded(create(true));
            var binding = Binding(problem.N);
            var (x1, _) = Steps(clean, problem, 4, binding);
            var (x2, _) = Steps(disturbed, problem, 4, binding);
            var (loss, g) = problem.Evaluate(x2, 4);
            g[70_000] = float.NegativeInfinity;
            var before = (float[])x2.Clone();
            disturbed.Step(x2, g, loss * binding(4));
            Assert.IsTrue(disturbed.Diagnostics.LastStepSkipped, name);
            CollectionAssert.AreEqual(before, x2, $"{name}: the skipped step moved x");
            var (_, taus) = Steps(clean, problem, 3, binding, x1, firstStep: 4);
            Steps(disturbed, problem, 3, binding, x2, firstStep: 4);
            Assert.IsTrue(taus.All(t => t.Capped), $"{name}: the steps were not speculative");
            CollectionAssert.AreEqual(x1, x2, $"{name}: the skipped step left a trace in the state");
        }
    }

    [TestMethod]
    public void ANonFiniteParameterTakesTheCappedStepWithOrWithoutSpeculation()
    {
        var problem = new LeastSquares(70_001);
        foreach (var (name, create) in Capped())
        {
            using var speculative = Threaded(create(true));
            using var twoPass = Threaded(create(false));
            var binding = Binding(problem.N);
            var (x1, taus) = Steps(speculative, problem, 4, binding);
            var (x2, _) = Steps(twoPass, problem, 4, binding);
            Assert.IsTrue(taus[^1].Capped, $"{name}: the next step would not be speculative");
            var (loss, g) = problem.Evaluate(x1, 4);
            loss *= binding(4);
            var kept = x1[3];
            x1[3] = x2[3] = float.NaN;
            // τ cannot be computed, so both take the cap (the speculative step has already moved x with it), the NaN
            // stays where it was put, and the same again on the next step, which neither skips.
            for (var k = 0; k < 2; k++)
            {
                speculative.Step(x1, g, loss);
                twoPass.Step(x2, g, loss);
                foreach (var optimizer in new[] { speculative, twoPass })
                {
                    // The cap α/ρ shrinks from step to step where ρ = 1 − β^k (to 0.73 of step 4's by step 6 here); no Polyak step.
                    var d = optimizer.Diagnostics;
                    Assert.IsFalse(d.LastStepSkipped, $"{name}: step {k} skipped");
                    Assert.IsTrue(double.IsNaN(d.PolyakStepSize) && d.StepSize <= taus[^1].Tau && d.StepSize > 0.6 * taus[^1].Tau && d.StepSize == speculative.Diagnostics.StepSize,
                        $"{name}: step {k} took {d.StepSize} (Polyak {d.PolyakStepSize}), not the cap near {taus[^1].Tau}");
                }
                CollectionAssert.AreEqual(x2, x1, $"{name}: step {k}, speculative against two passes");
                Assert.IsTrue(float.IsNaN(x1[3]) && x1.Where((_, i) => i != 3).All(float.IsFinite), $"{name}: the NaN spread");
            }
            // Repaired, the run goes on with its averages intact.
            x1[3] = x2[3] = kept;
            var (_, after) = Steps(speculative, problem, 3, binding, x1, firstStep: 5);
            Steps(twoPass, problem, 3, binding, x2, firstStep: 5);
            CollectionAssert.AreEqual(x2, x1, $"{name}: after the repair");
            Assert.IsTrue(x1.All(float.IsFinite) && after.All(t => double.IsFinite(t.Tau) && t.Tau > 0), $"{name}: the averages took in the NaN");
        }
    }

    [TestMethod]
    public void AResumedRunSpeculatesWhereTheOriginalDid()
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Capped())
        {
            // A cap large enough for its move to round visibly against x.
            using var original = Larger(create(true));
            var (x, taus) = Steps(original, problem, 5, k => 1e3 * Binding(problem.N)(k));
            Assert.IsTrue(taus[^1].Capped, $"{name}: the next step would not be speculative");
            using var state = new MemoryStream();
            original.SaveState(state);
            using var resumed = Larger(create(true));
            using var twoPass = Larger(create(false));
            state.Position = 0;
            resumed.LoadState(state);
            state.Position = 0;
            twoPass.LoadState(state);
            var xr = (float[])x.Clone();
            var xt = (float[])x.Clone();
            // A large negative loss puts the model below the lower bound, so τ = 0: the resumed run must speculate
            // and take the capped move back like the original, which rounds differently from two passes (so a
            // resumed run that forgot would show).
            var (_, g) = problem.Evaluate(x, 5);
            original.Step(x, g, -1e9);
            resumed.Step(xr, g, -1e9);
            twoPass.Step(xt, g, -1e9);
            Assert.IsFalse(IsCapped(original.Diagnostics), $"{name}: expected a step below the cap");
            CollectionAssert.AreEqual(x, xr, $"{name}: resumed run");
            CollectionAssert.AreNotEqual(x, xt, $"{name}: the correction rounded exactly like two passes");
        }
    }

    /// <summary>
    /// From 2^21 elements the two-pass steps double-buffer the state while speculative steps update it in place:
    /// mixing them keeps the two-pass trajectory, on both backends.
    /// </summary>
    [TestMethod]
    public void SpeculationMixesWithTheDoubleBufferedState()
    {
        const int n = DoubleBufferedProblem.N;
        var x0 = DoubleBufferedProblem.Start();
        var Gradient = DoubleBufferedProblem.Gradient;
        // Capped, capped, then a loss below the bound (τ = 0: a miss), two-pass steps, capped again.
        double[] losses = [1e9, 1e9, 1e9, -1e11, 1e12, 1e12, 1e12];
        foreach (var (name, create) in new (string, Func<bool, Optimizer>)[]
        {
            ("momo", s => new Momo { LearningRate = 1e-3, SpeculateCappedSteps = s }),
            ("momo-adam", s => new MomoAdam { LearningRate = 1e-4, SpeculateCappedSteps = s }),
        })
        {
            using var speculative = Threaded(create(true));
            using var twoPass = Threaded(create(false));
            using var tensor = create(true);
            var x1 = (float[])x0.Clone();
            var x2 = (float[])x0.Clone();
            using var xv = FlatVector.FromArray(x0);
            using var gv = FlatVector.Zeros(n);
            var capped = new List<bool>();
            for (var k = 0; k < losses.Length; k++)
            {
                speculative.Step(x1, Gradient(x1, k), losses[k]);
                twoPass.Step(x2, Gradient(x2, k), losses[k]);
                gv.CopyFrom(Gradient(xv.ToArray(), k));
                tensor.Step(xv, gv, losses[k]);
                capped.Add(IsCapped(speculative.Diagnostics));
                if (k < 3) CollectionAssert.AreEqual(x2, x1, $"{name}: step {k}");
            }
            CollectionAssert.AreEqual(new[] { true, true, true, false, true, true, true }, capped, name);
            Run.AssertClose(x2, x1, 1e-5, $"{name}: speculative against two passes");
            Run.AssertClose(x1, xv.ToArray(), 1e-4, $"{name}: CPU against tensor");
        }
    }

    [TestMethod]
    public void WithARunningSumOfTheParametersNoStepIsSpeculative()
    {
        // AutoDrop's running sum would have to follow the correction; the rule takes two passes instead.
        var problem = new LeastSquares();
        using var speculative = new AutoDrop { Window = 2, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new Momo { LearningRate = 1e-3 });
        using var twoPass = new AutoDrop { Window = 2, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new Momo { LearningRate = 1e-3, SpeculateCappedSteps = false });
        Func<long, double> scale = k => k < 6 ? 2400.0 : -1e9;
        var (x1, tau1) = Steps(speculative, problem, 12, scale);
        var (x2, tau2) = Steps(twoPass, problem, 12, scale);
        CollectionAssert.AreEqual(tau2, tau1);
        CollectionAssert.AreEqual(x2, x1);
    }

    private readonly record struct StepSize(double Tau, bool Capped);

    private static Optimizer Larger(Optimizer optimizer)
    {
        optimizer.LearningRate *= 1000;
        return optimizer;
    }

    private static T Threaded<T>(T optimizer) where T : Optimizer
    {
        optimizer.Parallelism = 2;
        return optimizer;
    }

    /// <summary>
    /// Steps from <paramref name="x"/> (the problem's start when null), passing the minibatch loss times
    /// <paramref name="scale"/>(k): the Polyak step grows with the loss, so a large factor keeps the cap binding.
    /// </summary>
    private static (float[] X, List<StepSize> Taus) Steps(Optimizer optimizer, LeastSquares problem, int steps, Func<long, double> scale,
        float[]? x = null, long firstStep = 0)
    {
        x ??= problem.StartFloat;
        var taus = new List<StepSize>();
        for (var k = firstStep; k < firstStep + steps; k++)
        {
            var (f, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, f * scale(k));
            var d = optimizer.Diagnostics;
            Assert.IsFalse(d.LastStepSkipped, $"step {k} skipped");
            taus.Add(new StepSize(d.StepSize, IsCapped(d)));
        }
        return (x, taus);
    }

    /// <summary>
    /// Loss factors that start with the Polyak step about four times the cap (measured on a dry run) and shrink by
    /// 0.8 a step: the step size falls through the cap within a few steps, while the loss is still far from 0.
    /// </summary>
    private static Func<long, double> Shrinking(Optimizer dryRun, LeastSquares problem)
    {
        using (dryRun)
        {
            var binding = Binding(problem.N);
            var (_, taus) = Steps(dryRun, problem, 3, binding);
            var ratio = dryRun.Diagnostics.PolyakStepSize / dryRun.Diagnostics.StepSize;
            return k => binding(k) * 4 / ratio * Math.Pow(0.8, k);
        }
    }

    /// <summary>A loss factor that keeps the cap binding at any size (the squared gradient norm grows with n).</summary>
    private static Func<long, double> Binding(int n) => _ => 100.0 * n;

    /// <summary>τ = min(α/ρ, Polyak step): below the Polyak step means at the cap.</summary>
    private static bool IsCapped(OptimizerDiagnostics d) => d.StepSize < d.PolyakStepSize;
}
