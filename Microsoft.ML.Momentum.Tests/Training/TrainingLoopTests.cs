using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Training;

[TestClass]
public sealed class TrainingLoopTests
{
    private static readonly NetworkSpec Spec = NetworkSpec.SmallCnn(1, 8, 8, 4, [4, 8], 16).With("dropout", "0.2");

    [TestMethod]
    public void ResumingAfterCancellationReproducesTheUninterruptedRunBitForBit()
    {
        var data = SyntheticImages.Make(150, seed: 1);
        var normalization = ChannelNormalization.Fit(data);
        var options = new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 3, Seed = 5 };

        float[] Uninterrupted()
        {
            using var model = TorchModel.Create(Spec, seed: 3);
            TorchRuntime.ManualSeed(3);
            new TrainingLoop(model, Optimizer(), new ImageBatchSource(data, normalization), null, options).Run();
            return model.Parameters.ToArray();
        }

        var expected = Uninterrupted();
        var checkpoint = Path.Combine(Path.GetTempPath(), $"momentum-ckpt-{Guid.NewGuid():N}.zip");
        try
        {
            using (var model = TorchModel.Create(Spec, seed: 3))
            {
                TorchRuntime.ManualSeed(3);
                using var cancel = new CancellationTokenSource();
                var interrupted = options with
                {
                    CheckpointPath = checkpoint,
                    CheckpointEveryNEpochs = 10,
                    LogEveryNSteps = 1,
                    MetricsCallback = p => { if (p.Step == 17) cancel.Cancel(); },
                };
                var loop = new TrainingLoop(model, Optimizer(), new ImageBatchSource(data, normalization), null, interrupted);
                Assert.ThrowsExactly<OperationCanceledException>(() => loop.Run(cancel.Token));
                Assert.IsTrue(File.Exists(checkpoint), "cancellation must leave a checkpoint");
            }
            TorchRuntime.ManualSeed(12345); // the checkpoint, not the current generator, must decide dropout masks
            using var resumed = TorchModel.Create(Spec, seed: 77);
            var result = new TrainingLoop(resumed, Optimizer(), new ImageBatchSource(data, normalization), null,
                options with { CheckpointPath = checkpoint, ResumeFromCheckpoint = true }).Run();
            Assert.AreEqual(3, result.History.Count);
            Assert.AreEqual(30L, result.Steps);
            CollectionAssert.AreEqual(expected, resumed.Parameters.ToArray(), "resumed weights must equal the uninterrupted run's");
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [TestMethod]
    public void EarlyStoppingStopsAndRestoresTheBestWeights()
    {
        var train = SyntheticImages.Make(120, seed: 2, randomLabels: true);
        var validation = SyntheticImages.Make(60, seed: 3, randomLabels: true);
        var normalization = ChannelNormalization.Fit(train);
        using var model = TorchModel.Create(Spec, seed: 1);
        var reports = new List<TrainingProgress>();
        var options = new TrainingLoopOptions
        {
            BatchSize = 16, MaxEpoch = 40, Seed = 1,
            EarlyStopping = new EarlyStoppingCriteria { Metric = ClassificationMetric.LogLoss, Patience = 2, MinDelta = 0 },
            MetricsCallback = reports.Add,
        };
        var validationSource = new ImageBatchSource(validation, normalization);
        var result = new TrainingLoop(model, Optimizer(0.2), new ImageBatchSource(train, normalization), validationSource, options).Run();

        Assert.IsTrue(result.StoppedEarly, "memorising random labels must stop improving the validation loss");
        Assert.IsLessThan(40, result.History.Count);
        var best = result.History.MinBy(e => e.ValidationLoss)!;
        Assert.AreEqual(best.Epoch, result.SelectedEpoch);
        Assert.AreEqual(result.History.Count - 2, best.Epoch, "patience 2: the run ends two epochs after the best");
        var restored = ModelBatchRunner.Evaluate(model, validationSource, 16, CancellationToken.None);
        Assert.AreEqual(best.ValidationLoss, restored.LogLoss, 1e-9, "the model must hold the best epoch's weights");
        var epochReports = reports.Where(r => r.Phase == TrainingPhase.EpochEnd).ToList();
        Assert.AreEqual(result.History.Count, epochReports.Count);
        Assert.IsTrue(epochReports.All(r => r.Validation is not null && r.SamplesPerSecond > 0 && r.Optimizer.LearningRate == 0.2));
    }

    [TestMethod]
    public void ACheckpointOfAnotherRunIsRefusedWithAClearMessage()
    {
        var data = SyntheticImages.Make(40, seed: 4);
        var normalization = ChannelNormalization.Fit(data);
        var checkpoint = Path.Combine(Path.GetTempPath(), $"momentum-ckpt-{Guid.NewGuid():N}.zip");
        try
        {
            using var model = TorchModel.Create(Spec, seed: 1);
            var options = new TrainingLoopOptions { BatchSize = 8, MaxEpoch = 1, CheckpointPath = checkpoint };
            new TrainingLoop(model, Optimizer(), new ImageBatchSource(data, normalization), null, options).Run();
            var other = options with { BatchSize = 4, ResumeFromCheckpoint = true };
            var error = Assert.ThrowsExactly<InvalidDataException>(() =>
                new TrainingLoop(model, Optimizer(), new ImageBatchSource(data, normalization), null, other).Run());
            StringAssert.Contains(error.Message, "belongs to another run");
            StringAssert.Contains(error.Message, "batch=8");
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    private static Optimizer Optimizer(double learningRate = 0.05) => new SgdMomentum { LearningRate = learningRate, Momentum = 0.9 };
}
