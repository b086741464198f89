using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class AutoDropTests
{
    [TestMethod]
    public void AngleFunctionLimits()
    {
        Assert.AreEqual(90.0, AngularVelocity.Degrees([1f, 0f], [0f, 1f]), 1e-12);
        Assert.AreEqual(0.0, AngularVelocity.Degrees([1f, 2f, 3f], [1f, 2f, 3f]), 1e-6);
        Assert.AreEqual(180.0, AngularVelocity.Degrees([1f, 2f, 3f], [-1f, -2f, -3f]), 1e-6);
        Assert.AreEqual(90.0, AngularVelocity.Degrees([0f, 0f], [1f, 2f]));
        Assert.AreEqual(90.0, AngularVelocity.Degrees([0f, 0f], [0f, 0f]));
        Assert.AreEqual(45.0, AngularVelocity.Degrees([1e30f, 0f], [1e30f, 1e30f]), 1e-9);
        Assert.AreEqual(45.0, AngularVelocity.Degrees([1e-30f, 0f], [1e-30f, 1e-30f]), 1e-9);
        Assert.AreEqual(0.0, AngularVelocity.Degrees([3e38f, 3e38f], [3e38f, 3e38f]), 1e-6);
    }

    [TestMethod]
    public void NoisyQuadraticSaturationAngleMatchesTheory()
    {
        // x_{t+1} = x_t − αA(x_t − c_t), c_t ~ N(0, I), a_i = i/10, n = 200, k = 1 (Thm 3.2): E cos → C*.
        const int n = 200;
        var a = Enumerable.Range(1, n).Select(i => i / 10.0).ToArray();
        foreach (var alpha in new[] { 0.06, 0.03, 0.01 })
        {
            double num = 0, den = 0;
            for (var i = 0; i < n; i++)
            {
                num += a[i] * a[i] * a[i] / (2 - alpha * a[i]);
                den += a[i] * a[i] / (2 - alpha * a[i]);
            }
            var predicted = Math.Acos(-alpha * num / (2 * den)) * 180 / Math.PI;

            var random = new Random(11);
            using var optimizer = new Sgd { LearningRate = alpha, Controller = new AutoDrop { Window = 1, MinLearningRate = alpha } };
            var x = new float[n];
            var g = new float[n];
            double sum = 0;
            var count = 0;
            for (var t = 0; t < 6000; t++)
            {
                for (var i = 0; i < n; i++) g[i] = (float)(a[i] * (x[i] - Gaussian(random)));
                optimizer.Step(x, g, 0);
                if (t >= 1000)
                {
                    sum += optimizer.Diagnostics.AngularVelocity;
                    count++;
                }
            }
            Assert.AreEqual(predicted, sum / count, 1.0, $"α = {alpha}");
            Assert.AreEqual(0, optimizer.Diagnostics.DropCount, "the floor equals the learning rate, so nothing drops");
        }
    }

    private static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [TestMethod]
    public void DropTimingOnASyntheticSequenceWithResetAndNoDoubleDrop()
    {
        // ω_i = 110 − 20 e^{−i/5} + small noise: rises by > 0.1° per window until about i = 15.
        var detector = new SaturationDetector(smoothingWidth: 10, minBuffer: 10, thresholdDegrees: 0.1);
        var random = new Random(5);
        var drops = new List<int>();
        for (var i = 0; i < 80; i++)
        {
            var omega = 110 - 20 * Math.Exp(-i / 5.0) + 0.01 * (random.NextDouble() - 0.5);
            if (detector.Observe(omega)) drops.Add(i);
        }
        Assert.IsNotEmpty(drops);
        Assert.IsGreaterThanOrEqualTo(12, drops[0], "dropped while ω was still rising fast");
        Assert.IsLessThanOrEqualTo(25, drops[0], "did not drop after ω saturated");
        for (var j = 1; j < drops.Count; j++)
        {
            // After a drop the buffer refills (10 values) and needs two smoothed values: ≥ 11 observations.
            Assert.IsGreaterThanOrEqualTo(11, drops[j] - drops[j - 1], "dropped again before the buffer refilled");
        }
        // A steadily rising ω (1° per window) never triggers.
        var rising = new SaturationDetector(10, 10, 0.1);
        for (var i = 0; i < 100; i++) Assert.IsFalse(rising.Observe(90 + i));
    }

    [TestMethod]
    public void DetectorWaitsForTheMinimumBuffer()
    {
        var detector = new SaturationDetector(10, 10, 0.1);
        for (var i = 0; i < 10; i++) Assert.IsFalse(detector.Observe(100), $"observation {i}");
        Assert.IsTrue(detector.Observe(100), "flat ω: second smoothed value rose by 0 < 0.1");
        Assert.IsEmpty(detector.Buffer, "reset after a drop");
    }

    [TestMethod]
    public void LearningRateDropsByTheFactorDownToTheFloor()
    {
        // A flat trajectory direction: ω constant, so after each buffer refill a drop happens.
        using var optimizer = new Sgd { LearningRate = 1.0, Controller = new AutoDrop { Window = 1, Factor = 0.5, MinLearningRate = 0.2, MinBuffer = 2 } };
        var x = new float[3];
        var random = new Random(1);
        var rates = new List<double>();
        for (var t = 0; t < 200; t++)
        {
            var g = new[] { 1f + (float)random.NextDouble(), (float)random.NextDouble(), -1f };
            optimizer.Step(x, g, 0);
            rates.Add(optimizer.CurrentLearningRate);
        }
        Assert.AreEqual(0.2, rates[^1], 1e-15, "floor");
        var distinct = rates.Distinct().ToArray();
        CollectionAssert.AreEqual(new[] { 1.0, 0.5, 0.25, 0.2 }, distinct);
        Assert.AreEqual(3, optimizer.Diagnostics.DropCount);
    }

    [TestMethod]
    public void PerEpochVariantLatchesThenDropsAfterTheExtraEpochs()
    {
        using var optimizer = new Sgd { LearningRate = 1.0, Controller = new AutoDropPerEpoch { ExtraEpochs = 3, ThresholdDegrees = 1, WeightAveraging = false, Factor = 0.5 } };
        var x = new float[2];
        var epochOfDrop = -1;
        for (var epoch = 0; epoch < 12 && epochOfDrop < 0; epoch++)
        {
            for (var s = 0; s < 4; s++) optimizer.Step(x, [-1f, -1f], 0); // a straight line: ω = 0 every epoch
            optimizer.EndEpoch();
            if (optimizer.Diagnostics.DropCount > 0) epochOfDrop = epoch;
        }
        // Snapshots at epochs 0,1,2 → first ω at epoch 2, second at 3 (latch), then 3 latched epochs (3, 4, 5): drop in epoch 5.
        Assert.AreEqual(5, epochOfDrop);
        Assert.AreEqual(0.5, optimizer.CurrentLearningRate, 1e-15);
    }

    [TestMethod]
    public void RejectsBadOptions()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new AutoDrop { Factor = 1 });
        StringAssert.Contains(error.Message, "Factor");
        Assert.ThrowsExactly<ArgumentException>(() => new AutoDrop { Window = 0 });
        Assert.ThrowsExactly<ArgumentException>(() => new AutoDrop { MinLearningRate = -1 });
    }

    [TestMethod]
    public void ReduceOnPlateauFollowsTheMetric()
    {
        using var optimizer = new Sgd { LearningRate = 1.0, Controller = new ReduceOnPlateau { Patience = 2, Factor = 0.1 } };
        optimizer.Step(new float[1], [0f], 0);
        double[] metrics = [1.0, 0.9, 0.9, 0.9, 0.9, 0.5];
        var rates = new List<double>();
        foreach (var m in metrics)
        {
            optimizer.EndEpoch(m);
            rates.Add(optimizer.CurrentLearningRate);
        }
        CollectionAssert.AreEqual(new[] { 1.0, 1.0, 1.0, 1.0, 0.1, 0.1 }, rates.Select(r => Math.Round(r, 12)).ToArray());
    }
}
