using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class FashionMnistTrainingTests
{
    /// <summary>The full 60k/10k split through the public trainer: one epoch of the small CNN with MoMo (lr 1, no tuning).</summary>
    [TestMethod]
    [TestCategory("Long")]
    public void SmallCnnWithMomoReaches85PercentAfterOneEpoch()
    {
        TestEnvironment.RequireData(FashionMnist.IsAvailable(), "Fashion-MNIST (Debian package dataset-fashion-mnist)");
        var train = FashionMnist.LoadTrain();
        var test = FashionMnist.LoadTest();
        Assert.AreEqual(60_000, train.Count);
        Assert.AreEqual(10_000, test.Count);
        var trainer = new ImageClassificationTrainer(new ImageClassificationTrainer.Options
        {
            MaxEpoch = 1, BatchSize = 64, Optimizer = new Momo(), ValidationSetFraction = 0,
            NumberOfThreads = TestEnvironment.Threads, Device = ComputeDevice.Cpu,
        }, contextSeed: 1);
        using var model = trainer.Fit(ImageDataSource.FromImages(train));
        var accuracy = model.Evaluate(ImageDataSource.FromImages(test)).Accuracy;
        Console.WriteLine($"Fashion-MNIST test accuracy after one epoch: {accuracy:P2}");
        Assert.IsGreaterThanOrEqualTo(0.85, accuracy, $"test accuracy {accuracy:P2}");
    }
}
