using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.ML.Momentum.Tests.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

[TestClass]
public sealed class TrajectoryTests
{
    private const int Steps = 200;

    [TestMethod]
    public void EveryMethodFollowsTheFlatOptimizerForTwoHundredSteps()
    {
        foreach (var (name, create) in Methods.All())
        {
            using var ours = new Regression();
            using var reference = new Regression();
            using var method = create().WithHorizon();
            using var optimizer = MomentumOptim.Create(ours.Parameters, method);
            using var flat = create().WithHorizon();
            for (var t = 0; t < Steps; t++)
            {
                using var scope = NewDisposeScope();
                optimizer.step(ours.LossAndGradients);
                reference.ReferenceStep(flat);
            }
            var difference = Regression.MaxRelativeDifference(ours.Flat(), reference.Flat());
            Assert.IsTrue(difference <= 1e-6, $"{name}: the parameters differ by {difference:G3} after {Steps} steps.");
            Assert.AreEqual(flat.StepCount, optimizer.Groups[0].Diagnostics.StepCount, name);
        }
    }

    [TestMethod]
    public void SgdMomentumFormEqualsTorchSharpSgdStepForStep()
    {
        using var ours = new Regression();
        using var theirs = new Regression();
        using var optimizer = MomentumOptim.SgdMomentum(ours.Parameters, lr: 0.05, momentum: 0.9, weight_decay: 1e-3);
        using var sgd = optim.SGD(theirs.Parameters, 0.05, momentum: 0.9, weight_decay: 1e-3);
        AssertSameSteps(ours, optimizer, theirs, sgd);
    }

    [TestMethod]
    public void AdamFormEqualsTorchSharpAdamStepForStep()
    {
        using var ours = new Regression();
        using var theirs = new Regression();
        using var optimizer = MomentumOptim.Adam(ours.Parameters, lr: 0.01, weight_decay: 1e-3);
        using var adam = optim.Adam(theirs.Parameters, 0.01, weight_decay: 1e-3);
        AssertSameSteps(ours, optimizer, theirs, adam);
    }

    [TestMethod]
    public void GroupsWithTheirOwnOptionsStepLikeSeparateOptimizers()
    {
        using var ours = new Regression();
        using var reference = new Regression();
        var layers = ours.Model.children().ToArray();
        using var optimizer = MomentumOptim.Create(
            [new MomentumOptimizer.ParamGroup(layers[0].parameters(), new Momo { LearningRate = 0.5 }), new MomentumOptimizer.ParamGroup(layers[2].parameters())],
            new Adam { LearningRate = 0.02 });
        using var first = new Momo { LearningRate = 0.5 };
        using var second = new Adam { LearningRate = 0.02 };
        var split = (int)layers[0].parameters().Sum(p => p.numel());
        for (var t = 0; t < Steps; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.step(ours.LossAndGradients);
            var loss = reference.LossAndGradients().item<float>();
            var x = reference.Flat();
            float[] g = [.. reference.Parameters.SelectMany(p => p.grad!.reshape(-1).data<float>().ToArray())];
            first.Step(x.AsSpan(0, split), g.AsSpan(0, split), loss);
            second.Step(x.AsSpan(split), g.AsSpan(split), loss);
            reference.Assign(x);
        }
        Assert.AreEqual(0.0, Regression.MaxRelativeDifference(ours.Flat(), reference.Flat()), 1e-6);
        Assert.AreEqual("momo", optimizer.Groups[0].Options.Method.Name);
        Assert.AreEqual("adam", optimizer.Groups[1].Options.Method.Name);
        Assert.AreEqual(0.5, optimizer.Groups[0].LearningRate);
        Assert.AreEqual(0.02, optimizer.Groups[1].LearningRate);
    }

    private static void AssertSameSteps(Regression ours, MomentumOptimizer optimizer, Regression theirs, optim.Optimizer builtIn)
    {
        for (var t = 0; t < Steps; t++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            builtIn.zero_grad();
            optimizer.step(ours.LossAndGradients);
            builtIn.step(theirs.LossAndGradients);
            var difference = Regression.MaxRelativeDifference(ours.Flat(), theirs.Flat());
            Assert.IsTrue(difference <= 1e-5, $"Step {t}: the parameters differ by {difference:G3}.");
        }
    }
}
