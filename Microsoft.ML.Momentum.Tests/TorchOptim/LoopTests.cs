using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

[TestClass]
public sealed class LoopTests
{
    [TestMethod]
    public void StepLrSetsTheLearningRateOurOptimizerUses()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.SgdMomentum(problem.Parameters, lr: 0.1);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.5);
        for (var t = 0; t < 40; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.step(problem.LossAndGradients);
            Assert.AreEqual(0.1 * Math.Pow(0.5, t / 10), optimizer.Groups[0].Diagnostics.LearningRate, 1e-12, $"step {t}");
            scheduler.step();
        }
    }

    [TestMethod]
    public void OneCycleLrCyclesLearningRateAndMomentumOfMoMo()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.MoMo(problem.Parameters, lr: 1.0);
        var scheduler = optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 1.0, total_steps: 50);
        var rates = new List<double>();
        var betas = new List<double>();
        for (var t = 0; t < 50; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.step(problem.LossAndGradients);
            rates.Add(optimizer.Groups[0].Diagnostics.LearningRate);
            betas.Add(optimizer.Groups[0].Diagnostics.Momentum);
            scheduler.step();
        }
        Assert.AreEqual(1.0 / 25, rates[0], 1e-9);
        Assert.AreEqual(1.0, rates.Max(), 1e-2);
        Assert.IsTrue(rates[^1] < 1e-3, $"final lr {rates[^1]}");
        Assert.AreEqual(0.95, betas[0], 1e-9);
        Assert.IsTrue(betas.Min() < 0.86, $"min β {betas.Min()}");
    }

    [TestMethod]
    public void AutoDropDropsTorchSharpSgdAndOurMoMoOnASaturatingProblem()
    {
        var autoDrop = new AutoDrop { Window = 4, MinBuffer = 5, ThresholdDegrees = 1 };
        using (var problem = new Regression(noise: 0.5))
        using (var sgd = optim.SGD(problem.Parameters, 0.1, momentum: 0.9))
        using (var scheduler = new AutoDropScheduler(sgd, autoDrop))
        {
            Run(problem, () => sgd.step(problem.LossAndGradients), scheduler);
            Assert.IsTrue(scheduler.DropCount > 0, "no drop with torch.optim.SGD");
            Assert.AreEqual(Math.Max(autoDrop.MinLearningRate, 0.1 * Math.Pow(autoDrop.Factor, scheduler.DropCount)), scheduler.get_last_lr()[0], 1e-12);
            Assert.IsTrue(double.IsFinite(scheduler.AngularVelocity));
        }
        using (var problem = new Regression(noise: 0.5))
        using (var momo = MomentumOptim.MoMo(problem.Parameters, lr: 1.0))
        using (var scheduler = new AutoDropScheduler(momo, autoDrop))
        {
            Run(problem, () => momo.step(problem.LossAndGradients), scheduler);
            Assert.IsTrue(scheduler.DropCount > 0, "no drop with MoMo");
            Assert.IsTrue(momo.Groups[0].Diagnostics.LearningRate < 1.0);
        }
    }

    [TestMethod]
    public void MomoWithoutALossIsAClearError()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.MoMo(problem.Parameters);
        using var scope = NewDisposeScope();
        problem.LossAndGradients();
        var before = problem.Flat();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => optimizer.step());
        StringAssert.Contains(error.Message, "step()");
        StringAssert.Contains(error.Message, "Momo");
        StringAssert.Contains(error.Message, "step(loss");
        StringAssert.Contains(error.Message, "step(closure)");
        CollectionAssert.AreEqual(before, problem.Flat());
        optimizer.step(0.5);
        Assert.AreEqual(1, optimizer.Groups[0].Diagnostics.StepCount);
    }

    [TestMethod]
    public void NonFiniteGradientsAreSkippedAndCounted()
    {
        foreach (var create in (Func<Regression, MomentumOptimizer>[])[p => MomentumOptim.Adam(p.Parameters, lr: 0.01), p => MomentumOptim.MoMo(p.Parameters)])
        {
            using var problem = new Regression();
            using var optimizer = create(problem);
            using var scope = NewDisposeScope();
            optimizer.step(problem.LossAndGradients);
            var loss = problem.LossAndGradients().item<float>();
            using (var g = problem.Parameters.Last().grad!) g[0] = float.PositiveInfinity;
            var before = problem.Flat();
            optimizer.step(loss);
            var name = optimizer.Groups[0].Options.Method.Name;
            CollectionAssert.AreEqual(before, problem.Flat(), name);
            var diagnostics = optimizer.Groups[0].Diagnostics;
            Assert.AreEqual(1, diagnostics.SkippedSteps, name);
            Assert.IsTrue(diagnostics.LastStepSkipped, name);
            Assert.AreEqual(1, diagnostics.StepCount, name);
            optimizer.step(problem.LossAndGradients);
            Assert.AreEqual(2, optimizer.Groups[0].Diagnostics.StepCount, name);
        }
    }

    [TestMethod]
    public void TooManyNonFiniteStepsInARowEndTheLoopAsInTheTrainers()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.Create(problem.Parameters, new SgdMomentum { LearningRate = 0.1, MaxConsecutiveSkips = 3 });
        using var scope = NewDisposeScope();
        problem.LossAndGradients();
        using (var g = problem.Parameters.First().grad!) g[0, 0] = float.NaN;
        optimizer.step();
        optimizer.step();
        var error = Assert.ThrowsExactly<NonFiniteStepException>(() => optimizer.step());
        Assert.AreEqual(3, error.ConsecutiveSkips);
    }

    [TestMethod]
    public void LiveTensorCountReturnsToItsStartAfterManySteps()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.MoMoAdam(problem.Parameters);
        using var autoDrop = new AutoDropScheduler(optimizer, new AutoDrop { Window = 2 });
        Step(problem, optimizer, autoDrop);
        var start = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var t = 0; t < 300; t++) Step(problem, optimizer, autoDrop);
        Assert.AreEqual(start, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    private static void Step(Regression problem, MomentumOptimizer optimizer, AutoDropScheduler autoDrop)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        optimizer.step(problem.LossAndGradients);
        autoDrop.step();
    }

    private static void Run(Regression problem, Action step, AutoDropScheduler scheduler)
    {
        for (var t = 0; t < 400; t++)
        {
            using var scope = NewDisposeScope();
            step();
            scheduler.step();
        }
    }
}
