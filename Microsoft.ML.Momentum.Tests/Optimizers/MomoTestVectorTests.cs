using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>The official-reference vectors of optimizers.md on f(x) = Σxᵢ², x₀ = [1, 2, 3].</summary>
[TestClass]
public sealed class MomoTestVectorTests
{
    private static float[] Steps(Optimizer optimizer, int steps, float[]? x0 = null, List<double>? losses = null)
    {
        var x = x0 ?? [1f, 2f, 3f];
        for (var k = 0; k < steps; k++)
        {
            var loss = x.Sum(v => (double)v * v);
            losses?.Add(loss);
            var g = x.Select(v => 2 * v).ToArray();
            optimizer.Step(x, g, loss);
        }
        return x;
    }

    private static void AssertVector(double[] expected, float[] actual, double tolerance = 1e-6)
    {
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], tolerance, $"element {i}");
    }

    [TestMethod]
    public void VectorA()
    {
        AssertVector([0.5, 1, 1.5], Steps(new Momo(), 1));
        AssertVector([0.48684211, 0.97368421, 1.46052632], Steps(new Momo(), 2));
        Assert.AreEqual(0.47372827, Steps(new Momo(), 3)[0], 1e-6);
        var losses = new List<double>();
        Steps(new Momo(), 4, losses: losses);
        Assert.AreEqual(3.5, losses[1], 1e-6);
        Assert.AreEqual(3.31821330, losses[2], 1e-5);
        Assert.AreEqual(3.14185869, losses[3], 1e-5);
    }

    [TestMethod]
    public void VectorK_BetaZeroIsThePolyakStep()
    {
        var optimizer = new Momo { Beta = 0, LearningRate = 10 };
        var x = new[] { 1f, 2f, 3f };
        for (var k = 1; k <= 5; k++)
        {
            Steps(optimizer, 1, x);
            AssertVector([Math.Pow(0.5, k), 2 * Math.Pow(0.5, k), 3 * Math.Pow(0.5, k)], x);
            Assert.AreEqual(0.25, optimizer.Diagnostics.StepSize, 1e-12);
        }
    }

    [TestMethod]
    public void VectorF_ZeroGradientStaysPutWithoutNaN()
    {
        foreach (var optimizer in new Optimizer[] { new Momo(), new MomoAdam(), new Momo { WeightDecay = 0 } })
        {
            var x = Steps(optimizer, 3, [0f, 0f, 0f]);
            AssertVector([0, 0, 0], x, 0);
            Assert.AreEqual(0.0, optimizer.Diagnostics.StepSize);
            Assert.IsFalse(optimizer.Diagnostics.LastStepSkipped);
        }
    }

    [TestMethod]
    public void VectorG_LowerBoundAboveTheLossNeverMoves()
    {
        var optimizer = new Momo { LowerBound = 20 };
        AssertVector([1, 2, 3], Steps(optimizer, 5), 0);
        Assert.AreEqual(0.0, optimizer.Diagnostics.StepSize);
    }

    [TestMethod]
    public void VectorL_NegativeLowerBound() => AssertVector([0.46428571, 0.92857143, 1.39285714], Steps(new Momo { LowerBound = -1 }, 1));

    [TestMethod]
    public void VectorD_FirstMomoAdamStepEqualsAdamsFirstStep() => AssertVector([0.99, 1.99, 2.99], Steps(new MomoAdam(), 1));

    [TestMethod]
    public void WeightDecayIsTheExactProx()
    {
        // Reference (not optax): one step with lr = 1, λ = 0.1 gives [0.5, 1, 1.5].
        AssertVector([0.5, 1, 1.5], Steps(new Momo { WeightDecay = 0.1 }, 1));
    }

    [TestMethod]
    public void WeightDecayStillShrinksWhenTheModelIsBelowTheBound()
    {
        var x = Steps(new Momo { LowerBound = 20, WeightDecay = 0.1 }, 1);
        AssertVector([1 / 1.1, 2 / 1.1, 3 / 1.1], x);
    }

    [TestMethod]
    public void BiasCorrectedFirstStepIsTheSame() => AssertVector([0.5, 1, 1.5], Steps(new Momo { BiasCorrection = true }, 1));

    [TestMethod]
    public void MomoAdamDecoupledWeightDecay()
    {
        // divide = false: x(1 − αλ) − τ d/D; first step with the cap active: τ d/D ≈ 0.01·sign(g).
        AssertVector([0.99 - 0.01, 1.98 - 0.01, 2.97 - 0.01], Steps(new MomoAdam { WeightDecay = 1, Divide = false }, 1), 1e-5);
    }
}
