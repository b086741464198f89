using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Schedules;

[TestClass]
public sealed class LearningRateScheduleTests
{
    private static readonly ScheduleContext Context = new(0.1, new TrainingHorizon(100, 10));

    [TestMethod]
    public void ConstantReturnsTheBase() => Assert.AreEqual(0.1, new ConstantSchedule().ValueAt(57, Context));

    [TestMethod]
    public void StepDecay()
    {
        var s = new StepSchedule { StepSize = 30, Gamma = 0.5 };
        Assert.AreEqual(0.1, s.ValueAt(29, Context), 1e-15);
        Assert.AreEqual(0.05, s.ValueAt(30, Context), 1e-15);
        Assert.AreEqual(0.025, s.ValueAt(60, Context), 1e-15);
    }

    [TestMethod]
    public void MultiStepDecay()
    {
        var s = new MultiStepSchedule { Milestones = [6, 9], Gamma = 0.1 };
        Assert.AreEqual(0.1, s.ValueAt(5, Context), 1e-15);
        Assert.AreEqual(0.01, s.ValueAt(6, Context), 1e-15);
        Assert.AreEqual(0.001, s.ValueAt(9, Context), 1e-15);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MultiStepSchedule { Milestones = [5, 5] });
        StringAssert.Contains(error.Message, "Milestones");
    }

    [TestMethod]
    public void ExponentialDecay() => Assert.AreEqual(0.1 * Math.Pow(0.9, 3), new ExponentialSchedule { Gamma = 0.9 }.ValueAt(3, Context), 1e-15);

    [TestMethod]
    public void LinearInterpolatesOverTheHorizonThenHolds()
    {
        var s = new LinearSchedule { StartFactor = 1, EndFactor = 0.1 };
        Assert.AreEqual(0.1, s.ValueAt(0, Context), 1e-15);
        Assert.AreEqual(0.055, s.ValueAt(50, Context), 1e-15);
        Assert.AreEqual(0.01, s.ValueAt(100, Context), 1e-15);
        Assert.AreEqual(0.01, s.ValueAt(150, Context), 1e-15);
    }

    [TestMethod]
    public void CosineWithWarmup()
    {
        var s = new CosineSchedule { WarmupSteps = 10, MinFactor = 0.0 };
        Assert.AreEqual(0.0, s.ValueAt(0, Context), 1e-15);
        Assert.AreEqual(0.05, s.ValueAt(5, Context), 1e-15);
        Assert.AreEqual(0.1, s.ValueAt(10, Context), 1e-15);
        Assert.AreEqual(0.05, s.ValueAt(55, Context), 1e-15);
        Assert.AreEqual(0.0, s.ValueAt(100, Context), 1e-15);
    }

    [TestMethod]
    public void OneCycleFollowsPyTorchPhases()
    {
        // total 100, pct 0.3: rise over steps 0..29 from 0.1/25 to 0.1, then fall to 0.1/25/1e4 at step 99.
        var s = new OneCycleSchedule();
        Assert.AreEqual(0.004, s.ValueAt(0, Context), 1e-15);
        Assert.AreEqual(0.1, s.ValueAt(29, Context), 1e-15);
        Assert.AreEqual(0.004 / 1e4, s.ValueAt(99, Context), 1e-15);
        var linear = new OneCycleSchedule { Anneal = AnnealStrategy.Linear };
        Assert.AreEqual(0.004 + (0.1 - 0.004) * 14 / 29, linear.ValueAt(14, Context), 1e-15);
        Assert.AreEqual(0.1 + (0.004 / 1e4 - 0.1) * 35 / 70, linear.ValueAt(64, Context), 1e-15);
    }

    [TestMethod]
    public void OneCycleMomentumCyclesInversely()
    {
        var s = new OneCycleMomentumSchedule();
        Assert.AreEqual(0.95, s.ValueAt(0, Context), 1e-15);
        Assert.AreEqual(0.85, s.ValueAt(29, Context), 1e-15);
        Assert.AreEqual(0.95, s.ValueAt(99, Context), 1e-15);
    }

    [TestMethod]
    public void OffAfter()
    {
        var s = new OffAfterSchedule { After = 10 };
        Assert.AreEqual(0.1, s.ValueAt(9, Context));
        Assert.AreEqual(0.0, s.ValueAt(10, Context));
    }

    [TestMethod]
    public void HorizonDependentSchedulesGiveAClearError()
    {
        var none = new ScheduleContext(0.1, null);
        foreach (var schedule in new Schedule[] { new CosineSchedule(), new LinearSchedule(), new OneCycleSchedule(), new OneCycleMomentumSchedule(), new DemonSchedule() })
        {
            Assert.IsTrue(schedule.NeedsHorizon, schedule.GetType().Name);
            var error = Assert.ThrowsExactly<InvalidOperationException>(() => schedule.ValueAt(0, none));
            StringAssert.Contains(error.Message, "SetHorizon");
        }
    }

    [TestMethod]
    public void EpochUnitCountsEpochs()
    {
        var context = new ScheduleContext(1.0, new TrainingHorizon(1000, 100));
        var s = new CosineSchedule { Unit = ScheduleUnit.Epoch };
        Assert.AreEqual(0.5, s.ValueAt(5, context), 1e-15);
    }
}
