using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

[TestClass]
public sealed class AutoDropSchedulerTests
{
    private static readonly AutoDrop Options = new() { Window = 4, MinBuffer = 5, ThresholdDegrees = 1 };

    [TestMethod]
    public void SavedWithTheOptimizerAResumedLoopContinuesBitIdentically()
    {
        using var loop = new Loop();
        var (problem, sgd, scheduler) = (loop.Problem, loop.Sgd, loop.Scheduler);
        Run(problem, sgd, scheduler, 150);
        var weights = problem.Flat();
        var dropsAtSave = scheduler.DropCount;
        using var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            sgd.save_state_dict(writer);
            scheduler.save_state_dict(writer);
        }
        Run(problem, sgd, scheduler, 250);
        Assert.IsTrue(scheduler.DropCount > dropsAtSave, "no drop after the save point: the test would not show the state matters");

        using var resumedLoop = new Loop();
        var (resumed, again, resumedScheduler) = (resumedLoop.Problem, resumedLoop.Sgd, resumedLoop.Scheduler);
        resumed.Assign(weights);
        saved.Position = 0;
        using (var reader = new BinaryReader(saved))
        {
            again.load_state_dict(reader);
            resumedScheduler.load_state_dict(reader);
        }
        Assert.AreEqual(dropsAtSave, resumedScheduler.DropCount);
        Run(resumed, again, resumedScheduler, 250);

        CollectionAssert.AreEqual(problem.Flat(), resumed.Flat());
        CollectionAssert.AreEqual(scheduler.get_last_lr().ToArray(), resumedScheduler.get_last_lr().ToArray());
        Assert.AreEqual(scheduler.DropCount, resumedScheduler.DropCount);
        Assert.AreEqual(scheduler.AngularVelocity, resumedScheduler.AngularVelocity);
    }

    [TestMethod]
    public void AStateOfOtherParametersOrNotAStateIsAClearErrorAndChangesNothing()
    {
        using var loop = new Loop();
        var (problem, scheduler) = (loop.Problem, loop.Scheduler);
        Run(problem, loop.Sgd, scheduler, 120);
        using var other = new Parameter(zeros(7).DetachFromDisposeScope());
        using var small = optim.SGD([other], 0.1);
        using var smallScheduler = new AutoDropScheduler(small, Options);
        var path = Path.Combine(Path.GetTempPath(), $"autodrop-{Guid.NewGuid():N}.bin");
        try
        {
            smallScheduler.save_state_dict(path);
            var (drops, omega) = (scheduler.DropCount, scheduler.AngularVelocity);
            var error = Assert.ThrowsExactly<InvalidDataException>(() => scheduler.load_state_dict(path));
            StringAssert.Contains(error.Message, "7 parameters");
            StringAssert.Contains(error.Message, problem.Flat().Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
            Assert.ThrowsExactly<InvalidDataException>(() => scheduler.load_state_dict(path));
            Assert.AreEqual((drops, omega), (scheduler.DropCount, scheduler.AngularVelocity));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A noisy regression (its trajectory saturates), torch.optim.SGD with momentum, and AutoDrop over it.</summary>
    private sealed class Loop : IDisposable
    {
        public Loop()
        {
            Problem = new Regression(noise: 0.5);
            Sgd = optim.SGD(Problem.Parameters, 0.1, momentum: 0.9);
            Scheduler = new AutoDropScheduler(Sgd, Options);
        }

        public Regression Problem { get; }

        public OptimizerHelper Sgd { get; }

        public AutoDropScheduler Scheduler { get; }

        public void Dispose()
        {
            Scheduler.Dispose();
            Sgd.Dispose();
            Problem.Dispose();
        }
    }

    private static void Run(Regression problem, optim.Optimizer optimizer, AutoDropScheduler scheduler, int steps)
    {
        for (var t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            optimizer.step(problem.LossAndGradients);
            scheduler.step();
        }
    }
}
