using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

/// <summary>How a group is stepped: in place over its tensors, over a flat copy, or with some parameters left out.</summary>
[TestClass]
public sealed class InPlaceTests
{
    private const int Steps = 60;

    private static IEnumerable<Func<Optimizer>> Methods()
    {
        yield return () => new SgdMomentum { LearningRate = 0.05, WeightDecay = 0.01 };
        yield return () => new Adam { LearningRate = 0.01 };
        yield return () => new Momo { WeightDecay = 0.01 };
        yield return () => new MomoAdam { LearningRate = 0.05 };
    }

    [TestMethod]
    public void ANonContiguousParameterStepsThroughTheCopyAsTheContiguousOneInPlace()
    {
        foreach (var create in Methods())
        {
            using var inPlace = new Quadratic(contiguous: true);
            using var copied = new Quadratic(contiguous: false);
            Assert.IsFalse(copied.Weight.is_contiguous(), "the fixture must take the copy path");
            using var a = MomentumOptim.Create(inPlace.Parameters, create());
            using var b = MomentumOptim.Create(copied.Parameters, create());
            for (var t = 0; t < Steps; t++)
            {
                using var scope = NewDisposeScope();
                a.step(inPlace.LossAndGradients);
                b.step(copied.LossAndGradients);
            }
            var difference = Regression.MaxRelativeDifference(inPlace.Flat(), copied.Flat());
            Assert.IsTrue(difference <= 1e-6, $"{a.Groups[0].Options.Method.Name}: in place and copied differ by {difference:G3}.");
            Assert.AreNotEqual(Quadratic.Start, inPlace.Flat()[0], "the parameters did not move");
        }
    }

    [TestMethod]
    public void AParameterWithoutAGradientIsSkippedAsTorchOptimSkipsIt()
    {
        foreach (var create in Methods())
        {
            using var with = new Regression();
            using var without = new Regression();
            // Never in the loss, so its grad stays undefined; weight decay or momentum would move it if it stepped as zero.
            using var unused = new Parameter(torch.ones(3, 4).DetachFromDisposeScope());
            using var plain = MomentumOptim.Create(without.Parameters, create());
            using var extended = MomentumOptim.Create(with.Parameters.Append(unused), create());
            for (var t = 0; t < Steps; t++)
            {
                using var scope = NewDisposeScope();
                plain.step(without.LossAndGradients);
                extended.step(with.LossAndGradients);
            }
            var name = plain.Groups[0].Options.Method.Name;
            Assert.IsNull(unused.grad, name);
            CollectionAssert.AreEqual(Enumerable.Repeat(1f, 12).ToArray(), unused.detach().data<float>().ToArray(), name);
            // MoMo's sums skip the hole too; they add the same terms, grouped by pieces rather than by chunks.
            var difference = Regression.MaxRelativeDifference(with.Flat(), without.Flat());
            Assert.IsTrue(difference <= 1e-6, $"{name}: a grad-less parameter changed the others' steps by {difference:G3}.");
            Assert.AreEqual(plain.Groups[0].Diagnostics.StepSize, extended.Groups[0].Diagnostics.StepSize, 1e-6 * plain.Groups[0].Diagnostics.StepSize, name);
        }
    }

    [TestMethod]
    public void AGroupWithoutAnyGradientIsNotStepped()
    {
        using var problem = new Regression();
        using var optimizer = MomentumOptim.SgdMomentum(problem.Parameters, lr: 0.1, weight_decay: 0.1);
        var before = problem.Flat();
        optimizer.step();
        CollectionAssert.AreEqual(before, problem.Flat());
        Assert.AreEqual(0, optimizer.Groups[0].Options.Method.StepCount);
    }

    [TestMethod]
    public void AFlattenedModuleIsOnePieceAndStepsBitForBitAsTheFlatOptimizer()
    {
        using var ours = new Regression();
        using var reference = new Regression();
        var (values, gradients) = FlatParameters.Flatten(ours.Model, ComputeDevice.Cpu);
        using (values)
        using (gradients)
        using (var optimizer = MomentumOptim.MoMo(ours.Parameters, weight_decay: 0.01))
        using (var flat = new Momo { WeightDecay = 0.01 })
        {
            for (var t = 0; t < Steps; t++)
            {
                using var scope = NewDisposeScope();
                optimizer.step(ours.LossAndGradients);
                reference.ReferenceStep(flat);
            }
            CollectionAssert.AreEqual(reference.Flat(), values.ToArray());
            var located = new ParameterPieces(ours.Parameters).Locate(withGradients: true);
            Assert.IsNotNull(located);
            Assert.AreEqual(1, located.Value.Parameters.Layout.Count);
            Assert.AreEqual(values.Address, located.Value.Parameters.Addresses[0]);
            Assert.AreEqual(gradients.Address, located.Value.Gradients!.Addresses[0]);
        }
    }

    /// <summary>Σ c·(w − target)² over a 4×6 weight (contiguous, or the transpose of a 6×4 one) and a bias.</summary>
    private sealed class Quadratic : IDisposable
    {
        public const float Start = 0.5f;
        private readonly Tensor _scale = torch.linspace(0.5, 2.0, 24).reshape(4, 6).DetachFromDisposeScope();
        private readonly Tensor _target = torch.linspace(-1, 1, 24).reshape(4, 6).DetachFromDisposeScope();

        public Quadratic(bool contiguous)
        {
            var weight = torch.full(6, 4, Start).t();
            Weight = new Parameter((contiguous ? weight.contiguous() : weight).DetachFromDisposeScope());
            Bias = new Parameter(torch.full(5, Start).DetachFromDisposeScope());
        }

        public Parameter Weight { get; }

        public Parameter Bias { get; }

        public IEnumerable<Parameter> Parameters => [Weight, Bias];

        public Tensor LossAndGradients()
        {
            foreach (var p in Parameters)
            {
                using var g = p.grad;
                g?.zero_();
            }
            var loss = (_scale * (Weight - _target).square()).sum() + (Bias - 0.25f).square().sum() + 0.1f;
            loss.backward();
            return loss;
        }

        public float[] Flat()
        {
            using var scope = NewDisposeScope();
            return [.. Parameters.SelectMany(p => p.detach().contiguous().reshape(-1).data<float>().ToArray())];
        }

        public void Dispose()
        {
            Weight.Dispose();
            Bias.Dispose();
            _scale.Dispose();
            _target.Dispose();
        }
    }
}
