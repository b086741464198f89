using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Tests.Training;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>NaN/±∞ in the input data reach the loss and the gradient: such steps are skipped and counted, batch norm is not poisoned, and too many in a row stop the run with where it stood.</summary>
[TestClass]
public sealed class NonFiniteTrainingTests
{
    private static readonly NetworkSpec BatchNormNet = NetworkSpec.ResNet(1, 8, 8, 4, depth: 8, baseWidth: 4);
    private const int StepsPerEpoch = 6; // 96 examples, batch 16

    [TestMethod]
    [DataRow(float.NaN)]
    [DataRow(float.PositiveInfinity)]
    [DataRow(float.NegativeInfinity)]
    public void IsolatedNonFiniteBatchesAreSkippedAndCountedAndLeaveTheModelFinite(float value)
    {
        using var model = TorchModel.Create(BatchNormNet, seed: 2);
        using var optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, MaxConsecutiveSkips = 3 };
        var source = Source(value, (epoch, batch) => (epoch, batch) is (1, 2) or (2, 5) or (2, 6));
        var result = new TrainingLoop(model, optimizer, source, null, new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 2, Seed = 1 }).Run();

        Assert.AreEqual(3L, optimizer.Diagnostics.SkippedSteps);
        Assert.AreEqual(2L * StepsPerEpoch, result.Steps);
        Assert.AreEqual(2L * StepsPerEpoch - 3, optimizer.StepCount);
        Assert.IsTrue(model.Parameters.ToArray().All(float.IsFinite), "skipped steps must not touch the weights");
        foreach (var (name, buffer) in model.Buffers)
        {
            using var finite = buffer.isfinite().all();
            Assert.IsTrue(finite.item<bool>(), $"batch-norm buffer '{name}' took a skipped batch's statistics");
        }
        Assert.IsTrue(result.History.All(e => double.IsFinite(e.TrainLoss)), "skipped batches stay out of the epoch's loss");
    }

    [TestMethod]
    public void TooManyInARowStopWithTheEpochTheStepAndTheLastGoodCheckpoint()
    {
        var checkpoint = Path.Combine(Path.GetTempPath(), $"momentum-nonfinite-{Guid.NewGuid():N}.zip");
        try
        {
            using (var model = TorchModel.Create(BatchNormNet, seed: 2))
            using (var optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, MaxConsecutiveSkips = 3 })
            {
                var options = new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 3, Seed = 1, CheckpointPath = checkpoint };
                var loop = new TrainingLoop(model, optimizer, Source(float.NaN, (epoch, batch) => epoch == 2 && batch >= 2), null, options);
                var error = Assert.ThrowsExactly<NonFiniteStepException>(() => loop.Run());
                Assert.AreEqual(2, error.Epoch);
                Assert.AreEqual(StepsPerEpoch + 4L, error.Step, "batches 2, 3 and 4 of epoch 2 were skipped");
                Assert.AreEqual(checkpoint, error.CheckpointPath);
                StringAssert.Contains(error.Message, $"3 optimizer steps in a row had a non-finite loss or gradient and were skipped (the last at epoch 2, step {StepsPerEpoch + 4})");
                StringAssert.Contains(error.Message, $"The last good checkpoint is '{checkpoint}'.");
            }

            using var resumed = TorchModel.Create(BatchNormNet, seed: 9);
            using var fresh = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 };
            var options2 = new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 3, Seed = 1, CheckpointPath = checkpoint, ResumeFromCheckpoint = true };
            var result = new TrainingLoop(resumed, fresh, Source(float.NaN, (_, _) => false), null, options2).Run();
            Assert.HasCount(3, result.History, "the checkpoint of epoch 1 resumes");
            Assert.IsTrue(resumed.Parameters.ToArray().All(float.IsFinite));
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [TestMethod]
    public void WithoutACheckpointTheErrorSaysSo()
    {
        using var model = TorchModel.Create(BatchNormNet, seed: 2);
        using var optimizer = new SgdMomentum { LearningRate = 0.05, MaxConsecutiveSkips = 2 };
        var loop = new TrainingLoop(model, optimizer, Source(float.NaN, (_, _) => true), null, new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 1 });
        var error = Assert.ThrowsExactly<NonFiniteStepException>(() => loop.Run());
        Assert.AreEqual((int?)1, error.Epoch);
        Assert.AreEqual((long?)2, error.Step);
        Assert.IsNull(error.CheckpointPath);
        StringAssert.EndsWith(error.Message, "No checkpoint was written in this run.");
    }

    private static PoisonedBatchSource Source(float value, Func<int, int, bool> poisoned)
    {
        var data = SyntheticImages.Make(96, seed: 4);
        return new PoisonedBatchSource(new ImageBatchSource(data, ChannelNormalization.Fit(data)), value, poisoned);
    }
}
