using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Schedules;

[TestClass]
public sealed class DemonScheduleTests
{
    private static double Beta(double beta0, long t, long total = 100, bool clamp = true)
        => new DemonSchedule { ClampAtZero = clamp }.ValueAt(t, new ScheduleContext(beta0, new TrainingHorizon(total, 10)));

    [TestMethod]
    public void ValuesMatchTheSpecTable()
    {
        long[] steps = [0, 1, 10, 25, 50, 75, 90, 95, 99, 100];
        double[] expected = [0.9, 0.899092, 0.890110, 0.870968, 0.818182, 0.692308, 0.473684, 0.310345, 0.082569, 0.0];
        for (var i = 0; i < steps.Length; i++) Assert.AreEqual(expected[i], Beta(0.9, steps[i]), 5e-7, $"t = {steps[i]}");
    }

    [TestMethod]
    public void ValuesForBeta095()
    {
        Assert.AreEqual(0.904762, Beta(0.95, 50), 5e-7);
        Assert.AreEqual(0.826087, Beta(0.95, 75), 5e-7);
        Assert.AreEqual(0.655172, Beta(0.95, 90), 5e-7);
        Assert.AreEqual(0.159664, Beta(0.95, 99), 5e-7);
    }

    [TestMethod]
    public void TotalContributionDecaysLinearly()
    {
        for (long t = 0; t < 100; t++)
        {
            var b = Beta(0.9, t);
            Assert.AreEqual(9 * (1 - t / 100.0), b / (1 - b), 1e-9, $"t = {t}");
        }
    }

    [TestMethod]
    public void ClampsAtTheHorizonAndTheGuardIsNeeded()
    {
        Assert.AreEqual(0.0, Beta(0.9, 105));
        Assert.AreEqual(0.0, Beta(0.9, 1000));
        Assert.AreEqual(-0.818182, Beta(0.9, 105, clamp: false), 5e-7);
    }

    [TestMethod]
    public void UsesFloatingPointDivision()
    {
        // Integer division would give r = 1 (β = β₀) for every t < T.
        Assert.IsLessThan(0.9, Beta(0.9, 3, total: 7));
        Assert.AreEqual(0.9 * (4.0 / 7) / (0.1 + 0.9 * (4.0 / 7)), Beta(0.9, 3, total: 7), 1e-15);
    }

    [TestMethod]
    public void TrajectoryBetasOfTheSpecExample()
    {
        double[] expected = [0.9, 0.878049, 0.84375, 0.782609, 0.642857];
        for (var t = 0; t < 5; t++) Assert.AreEqual(expected[t], Beta(0.9, t, total: 5), 5e-7);
    }

    [TestMethod]
    public void DelayedStartHoldsBeta0ThenRestartsTheDecay()
    {
        var schedule = new DemonSchedule { DelayFraction = 0.75 };
        var context = new ScheduleContext(0.9, new TrainingHorizon(100, 10));
        Assert.AreEqual(0.9, schedule.ValueAt(0, context));
        Assert.AreEqual(0.9, schedule.ValueAt(74, context));
        Assert.AreEqual(0.9, schedule.ValueAt(75, context));
        Assert.AreEqual(DemonSchedule.Beta(0.9, 5, 25), schedule.ValueAt(80, context), 1e-15);
        Assert.AreEqual(0.0, schedule.ValueAt(100, context));
    }

    [TestMethod]
    public void NeedsTheHorizon()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new DemonSchedule().ValueAt(0, new ScheduleContext(0.9, null)));
        StringAssert.Contains(error.Message, "SetHorizon");
        Assert.AreEqual(0.9, new DemonSchedule { TotalSteps = 10 }.ValueAt(0, new ScheduleContext(0.9, null)));
    }

    [TestMethod]
    public void RejectsBadOptions()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new DemonSchedule { DelayFraction = 1.5 });
        StringAssert.Contains(error.Message, "DelayFraction");
        Assert.ThrowsExactly<ArgumentException>(() => new DemonSchedule { TotalSteps = 0 });
    }
}
