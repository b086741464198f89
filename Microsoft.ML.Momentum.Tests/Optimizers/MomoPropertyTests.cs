using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class MomoPropertyTests
{
    [TestMethod]
    public void TinyLearningRateEqualsEmaSgdMomentum()
    {
        var problem = new LeastSquares();
        var momo = Run.Cpu(new Momo { LearningRate = 1e-4 }, problem, 50);
        var ema = Run.Cpu(new SgdMomentum { LearningRate = 1e-4, Momentum = 0.9, Form = MomentumForm.Ema }, problem, 50);
        Run.AssertClose(ema, momo, 1e-6, "MoMo vs EMA SGD-M");
    }

    [TestMethod]
    public void StepSizeNeverExceedsTheCap()
    {
        var problem = new LeastSquares();
        foreach (var optimizer in new Optimizer[] { new Momo { LearningRate = 2, BiasCorrection = true }, new Momo { LearningRate = 2 }, new MomoAdam { LearningRate = 0.3 } })
        {
            var cap = optimizer.LearningRate;
            var x = problem.StartFloat;
            var beta = optimizer is MomoAdam adam ? adam.Beta1 : ((Momo)optimizer).Beta;
            var bias = optimizer is MomoAdam || ((Momo)optimizer).BiasCorrection;
            var capped = 0;
            var atCap = 0;
            for (var k = 0; k < 200; k++)
            {
                var (loss, g) = problem.Evaluate(x, k);
                optimizer.Step(x, g, loss);
                var rho = bias ? 1 - Math.Pow(beta, k + 1) : 1;
                var d = optimizer.Diagnostics;
                Assert.IsLessThanOrEqualTo(cap / rho * (1 + 1e-12), d.StepSize, $"{optimizer.Name} step {k}");
                Assert.AreEqual(Math.Min(cap / rho, d.PolyakStepSize), d.StepSize, 1e-15);
                if (d.StepSize < cap / rho) capped++;
                else atCap++;
            }
            Assert.IsGreaterThan(0, capped, $"{optimizer.Name}: the Polyak term never became active, so the test proves nothing");
            Assert.IsGreaterThan(0, atCap, $"{optimizer.Name}: the cap never bound");
        }
    }

    [TestMethod]
    public void StepIsZeroWhenTheModelIsBelowTheBound()
    {
        var problem = new LeastSquares();
        var optimizer = new Momo { LowerBound = 1e6 };
        var x = problem.StartFloat;
        var before = (float[])x.Clone();
        for (var k = 0; k < 10; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, loss);
            Assert.AreEqual(0.0, optimizer.Diagnostics.StepSize);
        }
        CollectionAssert.AreEqual(before, x);
    }

    [TestMethod]
    public void AdaptiveLowerBoundNeverGoesBelowTheFloorAndReportsTheBound()
    {
        var problem = new LeastSquares();
        var optimizer = new Momo { AdaptLowerBound = true, LowerBound = 0 };
        var x = problem.StartFloat;
        for (var k = 0; k < 100; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, loss);
            Assert.IsGreaterThanOrEqualTo(0.0, optimizer.Diagnostics.LowerBound);
        }
    }

    [TestMethod]
    public void RejectsInvalidHyperParameters()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new Momo { Beta = 1 });
        StringAssert.Contains(error.Message, "Beta");
        StringAssert.Contains(error.Message, "[0, 1)");
        Assert.ThrowsExactly<ArgumentException>(() => new Momo { LearningRate = -1 });
        Assert.ThrowsExactly<ArgumentException>(() => new MomoAdam { Epsilon = 0 });
        Assert.ThrowsExactly<ArgumentException>(() => new Momo { LowerBound = double.NaN });
    }

    [TestMethod]
    public void MomoNeedsTheLoss()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new Momo().Step(new float[3], new float[3]));
        StringAssert.Contains(error.Message, "loss");
        Assert.IsTrue(new Momo().RequiresLoss);
        Assert.IsFalse(new Adam().RequiresLoss);
    }
}
