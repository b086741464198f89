using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

[TestClass]
public sealed class StateTests
{
    private static IEnumerable<Func<Optimizer>> Methods()
    {
        yield return () => new SgdMomentum { LearningRate = 0.05 };
        yield return () => new DemonAdam { LearningRate = 0.002 };
        yield return () => new Momo { AdaptLowerBound = true };
        yield return () => new AutoDrop { Window = 2, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new MomoAdam { LearningRate = 0.05 });
    }

    [TestMethod]
    public void SaveStateDictRoundTripResumesBitIdentically()
    {
        foreach (var create in Methods())
        {
            using var method = create();
            method.SetHorizon(200, 20);
            using var problem = new Regression();
            using var optimizer = MomentumOptim.Create(problem.Parameters, method);
            var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 30, gamma: 0.5);
            Run(problem, optimizer, scheduler, 100);
            var weights = problem.Flat();
            using var saved = new MemoryStream();
            using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
            Run(problem, optimizer, scheduler, 100);

            using var resumed = new Regression();
            resumed.Assign(weights);
            using var again = MomentumOptim.Create(resumed.Parameters, method);
            saved.Position = 0;
            using (var reader = new BinaryReader(saved)) again.load_state_dict(reader);
            var resumedScheduler = optim.lr_scheduler.StepLR(again, step_size: 30, gamma: 0.5, last_epoch: 99);
            Run(resumed, again, resumedScheduler, 100);

            CollectionAssert.AreEqual(problem.Flat(), resumed.Flat(), method.Name);
            Assert.AreEqual(optimizer.Groups[0].LearningRate, again.Groups[0].LearningRate, method.Name);
            Assert.AreEqual(optimizer.Groups[0].Diagnostics, again.Groups[0].Diagnostics, method.Name);
        }
    }

    [TestMethod]
    public void StateDictionaryCopyResumesBitIdentically()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.MoMo(problem.Parameters, lr: 0.7);
        Run(problem, optimizer, null, 50);
        var weights = problem.Flat();
        using var resumed = new Regression();
        resumed.Assign(weights);
        using var again = MomentumOptim.MoMo(resumed.Parameters, lr: 0.7);
        again.load_state_dict(optimizer.state_dict());
        Run(problem, optimizer, null, 50);
        Run(resumed, again, null, 50);
        CollectionAssert.AreEqual(problem.Flat(), resumed.Flat());
    }

    [TestMethod]
    public void LoadingTheStateOfAFreshOptimizerForgetsTheSteps()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.Adam(problem.Parameters);
        using var fresh = MomentumOptim.Adam(problem.Parameters);
        Run(problem, optimizer, null, 5);
        optimizer.load_state_dict(fresh.state_dict());
        Assert.AreEqual(0, optimizer.Groups[0].Options.Method.StepCount);
    }

    private static void Run(Regression problem, MomentumOptimizer optimizer, optim.lr_scheduler.LRScheduler? scheduler, int steps)
    {
        for (var t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.step(problem.LossAndGradients);
            scheduler?.step();
        }
    }
}
