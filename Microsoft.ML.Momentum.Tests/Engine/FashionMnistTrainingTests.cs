using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class FashionMnistTrainingTests
{
    [TestMethod]
    [TestCategory("Long")]
    public void SmallCnnWithSgdMomentumReaches85PercentAfterOneEpoch()
    {
        TestEnvironment.RequireData(FashionMnist.IsAvailable(), "Fashion-MNIST (Debian package dataset-fashion-mnist)");
        var train = FashionMnist.LoadTrain();
        var test = FashionMnist.LoadTest();
        Assert.AreEqual(60_000, train.Count);
        Assert.AreEqual(10_000, test.Count);
        var normalization = ChannelNormalization.Fit(train);
        using var model = NativeModel.Create(NetworkSpec.SmallCnn(1, 28, 28, 10), seed: 1);
        using var optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 };
        var options = new TrainingLoopOptions { BatchSize = 64, MaxEpoch = 1, Seed = 1 };
        new TrainingLoop(model, optimizer, new ImageBatchSource(train, normalization), null, options).Run();
        var accuracy = ModelBatchRunner.Evaluate(model, new ImageBatchSource(test, normalization), 1000, CancellationToken.None).Accuracy;
        Console.WriteLine($"Fashion-MNIST test accuracy after one epoch: {accuracy:P2}");
        Assert.IsGreaterThanOrEqualTo(0.85, accuracy, $"test accuracy {accuracy:P2}");
    }
}
