using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Tests.ImageTrainer.ImageTrainerFixture;

namespace Microsoft.ML.Momentum.Tests.ImageTrainer;

/// <summary>Every option of the image trainer has an effect a user can observe.</summary>
[TestClass]
public sealed class ImageTrainerOptionTests
{
    [TestMethod]
    [DataRow(0.1, 30)]
    [DataRow(0.2, 60)]
    [DataRow(0.5, 150)]
    public void ValidationSetFractionHoldsOutThatShareOfEachClass(double fraction, int expected)
    {
        var options = Options(o => { o.ValidationSetFraction = fraction; o.MaxEpoch = 1; });
        var reports = EpochReports(options);
        using var model = new ImageClassificationTrainer(options).Fit(FashionFolder);
        Assert.AreEqual(expected, reports.Single().Validation!.Count);
        Assert.AreEqual(expected, reports.Single().Validation!.ConfusionMatrix.Sum(r => r.Sum()));
    }

    [TestMethod]
    public void ValidationSetReplacesTheFractionAndZeroFractionMeansNoValidation()
    {
        var table = TableOf(5);
        try
        {
            var withSet = Options(o => { o.MaxEpoch = 1; o.ValidationSet = ImageDataSource.FromTable(table); o.ImageColumnName = "file"; o.LabelColumnName = "label"; });
            var setReports = EpochReports(withSet);
            using (new ImageClassificationTrainer(withSet).Fit(FashionFolder)) Assert.AreEqual(50, setReports.Single().Validation!.Count);

            var none = Options(o => { o.MaxEpoch = 1; o.ValidationSetFraction = 0; });
            var noneReports = EpochReports(none);
            using (new ImageClassificationTrainer(none).Fit(FashionFolder)) Assert.IsNull(noneReports.Single().Validation);
        }
        finally
        {
            File.Delete(table);
        }
    }

    [TestMethod]
    public void EarlyStoppingStopsAndRestoresTheBestWeights()
    {
        // MinDelta 1 means no epoch after the first can count as an improvement in accuracy: training stops after
        // 1 + Patience epochs and the first epoch's weights come back.
        var options = Options(o =>
        {
            o.MaxEpoch = 8;
            o.ValidationSetFraction = 0.3;
            o.EarlyStoppingCriteria = new EarlyStoppingCriteria { Metric = ClassificationMetric.Accuracy, Patience = 2, MinDelta = 1 };
        });
        using var model = new ImageClassificationTrainer(options).Fit(FashionFolder);
        var result = model.Training!;
        Assert.IsTrue(result.StoppedEarly);
        Assert.HasCount(3, result.History);
        Assert.AreEqual(1, result.SelectedEpoch);
        var (_, validation) = Split(0.3, options.Seed!.Value);
        var restored = model.Evaluate(ImageDataSource.FromImages(validation));
        Assert.AreEqual(result.History[0].ValidationLoss, restored.LogLoss, 1e-9, "the weights are those of epoch 1");
        Assert.AreNotEqual(result.History[2].ValidationLoss, restored.LogLoss);

        var keepLast = Options(o =>
        {
            o.MaxEpoch = 8;
            o.ValidationSetFraction = 0.3;
            o.EarlyStoppingCriteria = new EarlyStoppingCriteria { Patience = 2, MinDelta = 1, RestoreBestWeights = false };
        });
        using var last = new ImageClassificationTrainer(keepLast).Fit(FashionFolder);
        Assert.AreEqual(3, last.Training!.SelectedEpoch);
        Assert.AreEqual(last.Training.History[2].ValidationLoss, last.Evaluate(ImageDataSource.FromImages(validation)).LogLoss, 1e-9);
    }

    [TestMethod]
    public void CancellationLeavesACheckpointAndResumingReproducesTheUninterruptedRunBitForBit()
    {
        var workspace = TemporaryDirectory();
        try
        {
            void Configure(ImageClassificationTrainer.Options o)
            {
                o.MaxEpoch = 3;
                o.Augmentation = new ImageAugmentation(2, true);
                o.Optimizer = new DemonSgd { LearningRate = 0.05 };
                o.LogEveryNSteps = 1;
            }
            using var uninterrupted = Fit(Configure);
            var expected = ScoresOf(uninterrupted, SomeFiles());

            using var cancel = new CancellationTokenSource();
            var options = Options(o =>
            {
                Configure(o);
                o.WorkspacePath = workspace;
                o.MetricsCallback = p => { if (p.Phase == TrainingPhase.Step && p.Step == 12) cancel.Cancel(); };
            });
            var stepsSeen = 0L;
            var previous = options.MetricsCallback!;
            options.MetricsCallback = p => { previous(p); stepsSeen = p.Step; };
            Assert.Throws<OperationCanceledException>(() => new ImageClassificationTrainer(options).Fit(FashionFolder, cancel.Token));
            Assert.AreEqual(12, stepsSeen, "cancellation is honoured at the next step");
            Assert.IsTrue(File.Exists(options.CheckpointPath));

            options.MetricsCallback = null;
            options.ResumeFromCheckpoint = true;
            using var resumed = new ImageClassificationTrainer(options).Fit(FashionFolder);
            CollectionAssert.AreEqual(expected, ScoresOf(resumed, SomeFiles()));
            Assert.AreEqual(uninterrupted.Training!.Steps, resumed.Training!.Steps);
        }
        finally
        {
            Directory.Delete(workspace, true);
        }
    }

    [TestMethod]
    public void CheckpointsAreWrittenEveryNEpochs()
    {
        var workspace = TemporaryDirectory();
        try
        {
            var written = new List<int>();
            var options = Options(o =>
            {
                o.MaxEpoch = 4;
                o.CheckpointEveryNEpochs = 3;
                o.WorkspacePath = workspace;
                o.MetricsCallback = p => { if (p.Phase == TrainingPhase.EpochEnd && File.Exists(Path.Combine(workspace, "checkpoint.zip"))) written.Add(p.Epoch); };
            });
            using var model = new ImageClassificationTrainer(options).Fit(FashionFolder);
            // Reports come before the epoch's checkpoint: the file first exists at epoch 4's report (written after epoch 3).
            CollectionAssert.AreEqual(new[] { 4 }, written);
            Assert.IsTrue(File.Exists(options.CheckpointPath), "the last epoch always leaves a checkpoint");
        }
        finally
        {
            Directory.Delete(workspace, true);
        }
    }

    [TestMethod]
    public void SeedFixesTheModelAndAnotherSeedChangesIt()
    {
        using var a = Fit(o => o.Seed = 11);
        using var b = Fit(o => o.Seed = 11);
        using var c = Fit(o => o.Seed = 12);
        CollectionAssert.AreEqual(ScoresOf(a, SomeFiles()), ScoresOf(b, SomeFiles()));
        CollectionAssert.AreNotEqual(ScoresOf(a, SomeFiles()), ScoresOf(c, SomeFiles()));

        var options = Options(o => o.Seed = null);
        using var fromContext = new ImageClassificationTrainer(options, contextSeed: 11).Fit(FashionFolder);
        CollectionAssert.AreEqual(ScoresOf(a, SomeFiles()), ScoresOf(fromContext, SomeFiles()), "the context's seed applies when the options set none");
    }

    [TestMethod]
    public void ArchitectureChoosesTheNetwork()
    {
        using var mlp = Fit(o => o.MaxEpoch = 1);
        using var cnn = Fit(o => { o.MaxEpoch = 1; o.Architecture = ImageClassificationArchitecture.SmallCnn; });
        using var resnet = Fit(o => { o.MaxEpoch = 1; o.Architecture = ImageClassificationArchitecture.ResNet; o.ResNetDepth = 8; o.ResNetWidth = 4; });
        Assert.AreEqual("mlp", mlp.Network.Architecture);
        Assert.AreEqual("cnn", cnn.Network.Architecture);
        Assert.AreEqual("resnet", resnet.Network.Architecture);
        Assert.AreEqual(28 * 28 * 64 + 64 + 64 * 10 + 10, mlp.ParameterCount, "MlpHiddenSizes = [64]");
        Assert.AreNotEqual(cnn.ParameterCount, resnet.ParameterCount);
    }

    [TestMethod]
    public void ImageSizeAndColorModeSetTheModelInput()
    {
        using var model = Fit(o => { o.MaxEpoch = 1; o.ImageSize = new ImageSize(20, 24); o.ColorMode = ImageColorMode.Rgb; });
        Assert.AreEqual(new ImageSize(20, 24), model.Input.Size);
        Assert.AreEqual(3, model.Input.Channels);
        Assert.AreEqual(3 * 20 * 24 * 64 + 64 + 64 * 10 + 10, model.ParameterCount);
        Assert.HasCount(10, model.Predict(SomeFiles(1)[0]).Score, "a 28×28 gray file is converted at prediction time");
    }

    [TestMethod]
    public void AugmentationChangesTrainingAndLeavesPredictionDeterministic()
    {
        using var plain = Fit();
        using var augmented = Fit(o => o.Augmentation = new ImageAugmentation(3, true));
        CollectionAssert.AreNotEqual(ScoresOf(plain, SomeFiles()), ScoresOf(augmented, SomeFiles()));
        CollectionAssert.AreEqual(ScoresOf(augmented, SomeFiles()), ScoresOf(augmented, SomeFiles()));
    }

    [TestMethod]
    public void LearningRateScheduleWeightDecayAndOptimizerOverridesReachTheOptimizer()
    {
        var options = Options(o =>
        {
            o.MaxEpoch = 2;
            o.LearningRate = 0.02;
            o.LearningRateSchedule = new CosineSchedule();
            o.WeightDecay = 0.5;
            o.LogEveryNSteps = 1;
        });
        var steps = new List<TrainingProgress>();
        options.MetricsCallback = p => { if (p.Phase == TrainingPhase.Step) steps.Add(p); };
        using var model = new ImageClassificationTrainer(options).Fit(FashionFolder);
        Assert.AreEqual(0.02, steps[0].Optimizer.LearningRate, 1e-4, "LearningRate overrides the optimizer's 0.05");
        Assert.IsLessThan(0.002, steps[^1].Optimizer.LearningRate, "the cosine schedule decays to 0 over the run");
        Assert.AreEqual(0.05, ((SgdMomentum)options.Optimizer!).LearningRate, "the user's optimizer object is not modified");

        using var noDecay = Fit(o => { o.MaxEpoch = 2; o.LearningRate = 0.02; o.LearningRateSchedule = new CosineSchedule(); });
        CollectionAssert.AreNotEqual(ScoresOf(noDecay, SomeFiles()), ScoresOf(model, SomeFiles()), "WeightDecay changes the model");

        var momo = Options(o => { o.MaxEpoch = 1; o.Optimizer = new Momo(); o.LogEveryNSteps = 1; });
        var momoSteps = new List<TrainingProgress>();
        momo.MetricsCallback = p => momoSteps.Add(p);
        using (new ImageClassificationTrainer(momo).Fit(FashionFolder))
        {
            Assert.IsTrue(momoSteps.All(p => double.IsFinite(p.Optimizer.StepSize) && p.Optimizer.StepSize > 0), "MoMo reports its step size τ");
        }
    }

    [TestMethod]
    public void MetricsCallbackReportsEveryNStepsAndEachEpoch()
    {
        var reports = new List<TrainingProgress>();
        using var model = Fit(o => { o.MaxEpoch = 2; o.LogEveryNSteps = 3; o.MetricsCallback = reports.Add; });
        // 270 training images / 32 = 9 steps per epoch: steps 3, 6, 9, 12, 15, 18 and two epoch ends.
        CollectionAssert.AreEqual(new long[] { 3, 6, 9, 12, 15, 18 }, reports.Where(p => p.Phase == TrainingPhase.Step).Select(p => p.Step).ToArray());
        var ends = reports.Where(p => p.Phase == TrainingPhase.EpochEnd).ToArray();
        Assert.HasCount(2, ends);
        Assert.IsTrue(ends.All(e => e.Validation is { Count: 30 } && e.SamplesPerSecond > 0 && e.TotalSteps == 18));
    }

    [TestMethod]
    public void DeviceAndThreadsAreApplied()
    {
        using var model = Fit(o => { o.MaxEpoch = 1; o.NumberOfThreads = 1; });
        Assert.AreEqual(1, TorchRuntime.ThreadCount);
        Assert.IsTrue(model.Device.IsCpu);
        TorchRuntime.ThreadCount = TestEnvironment.Threads;
        if (TorchRuntime.CudaDeviceCount == 0)
        {
            var error = Assert.Throws<DeviceNotAvailableException>(() => Fit(o => o.Device = ComputeDevice.Parse("cuda")));
            StringAssert.Contains(error.Message, "CUDA");
        }
    }

    private static string TableOf(int perClass)
    {
        var table = Path.Combine(Path.GetTempPath(), $"momentum-table-{Guid.NewGuid():N}.csv");
        var rows = Directory.EnumerateDirectories(Fashion).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal).Take(perClass).Select(f => $"\"{f}\",\"{Path.GetFileName(d)}\""));
        File.WriteAllLines(table, ["file,label", .. rows]);
        return table;
    }

    private static (LabeledImages Train, LabeledImages Validation) Split(double fraction, int seed)
    {
        var all = ImageFolderLoader.Load(Fashion).Images;
        var (train, validation) = StratifiedSplit.Split(all.Labels, fraction, seed);
        return (all.Select(train), all.Select(validation));
    }
}
