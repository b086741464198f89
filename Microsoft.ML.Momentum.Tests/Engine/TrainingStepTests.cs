using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class TrainingStepTests
{
    [TestMethod]
    public void OneStepLowersTheLossAndTwoHundredStepsDriveItNearZero()
    {
        using var model = TorchModel.Create(TinyProblems.TinyMlp, seed: 3);
        var (inputs, labels) = TinyProblems.Batch(model, 16, seed: 5);
        var optimizer = new SgdMomentum { LearningRate = 0.1, Momentum = 0.9 };
        var first = model.TrainStep(inputs, labels);
        optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), first.Loss);
        var second = model.TrainStep(inputs, labels);
        Assert.IsLessThan(first.Loss, second.Loss, "one SGD-momentum step must lower the loss on the same batch");

        var last = second;
        for (var step = 0; step < 200; step++)
        {
            optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), last.Loss);
            last = model.TrainStep(inputs, labels);
        }
        Assert.IsLessThan(0.02, last.Loss, $"loss after 200 steps on one batch: {last.Loss}");
        Assert.AreEqual(16L, last.Correct);
    }

    [TestMethod]
    public void GradientBufferMatchesCentralFiniteDifferences()
    {
        using var model = TorchModel.Create(TinyProblems.TinyMlp, seed: 11);
        var (inputs, labels) = TinyProblems.Batch(model, 8, seed: 12);
        model.TrainStep(inputs, labels);
        var gradient = model.Gradients.ToArray();
        var parameters = model.Parameters.AsSpan();
        const float h = 1e-2f;
        // A few weights of each layer and the final biases (the flat buffer holds W1, b1, W2, b2 in order).
        foreach (var index in new[] { 0, 7, 20, 29, 31, 40, 48, model.ParameterCount - 1 })
        {
            var i = (int)index;
            var original = parameters[i];
            parameters[i] = original + h;
            var plus = model.TrainStep(inputs, labels).Loss;
            parameters[i] = original - h;
            var minus = model.TrainStep(inputs, labels).Loss;
            parameters[i] = original;
            var numeric = (plus - minus) / (2 * h);
            Assert.AreEqual(numeric, gradient[i], 1e-3 + 0.02 * Math.Abs(numeric), $"gradient of parameter {i}");
        }
        Assert.IsTrue(gradient.Any(g => Math.Abs(g) > 1e-4), "the gradient must not be all zeros");
    }

    [TestMethod]
    public void SameSeedAndThreadsGiveBitIdenticalLossesAndAnotherSeedDoesNot()
    {
        var a = LossSequence(seed: 21);
        var b = LossSequence(seed: 21);
        var c = LossSequence(seed: 22);
        CollectionAssert.AreEqual(a, b, "same seed, same threads: the loss sequence must repeat bit for bit");
        CollectionAssert.AreNotEqual(a, c, "another seed must give another loss sequence");
    }

    private static double[] LossSequence(int seed)
    {
        using var model = TorchModel.Create(TinyProblems.TinyCnn.With("dropout", "0.25"), seed: (ulong)seed);
        TorchRuntime.ManualSeed((ulong)seed);
        var optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 };
        var losses = new double[20];
        for (var step = 0; step < losses.Length; step++)
        {
            var (inputs, labels) = TinyProblems.Batch(model, 8, seed + step);
            var result = model.TrainStep(inputs, labels);
            optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), result.Loss);
            losses[step] = result.Loss;
        }
        return losses;
    }
}
