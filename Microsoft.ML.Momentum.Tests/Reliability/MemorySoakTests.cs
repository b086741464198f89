using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Tests.MLNet;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>
/// Long training and scoring through ML.NET keep memory flat: after warm-up the resident size grows less than 5%,
/// and the live TorchSharp tensor count returns to its start once the model is disposed. CI runs short versions;
/// the "Soak" category (benchmarks/reliability.sh) runs 20,000 steps and 100,000 predictions.
/// </summary>
[TestClass]
public sealed class MemorySoakTests
{
    private const double AllowedGrowth = 0.05;

    [TestMethod]
    public void TrainingKeepsMemoryFlat() => Train(steps: 300);

    [TestMethod]
    public void PredictingKeepsMemoryFlat() => Predict(predictions: 12_000);

    [TestMethod]
    [TestCategory("Soak")]
    public void TwentyThousandTrainingStepsKeepMemoryFlat() => Train(steps: 20_000);

    [TestMethod]
    [TestCategory("Soak")]
    public void AHundredThousandPredictionsKeepMemoryFlat() => Predict(predictions: 100_000);

    private static void Train(int steps)
    {
        const int batchSize = 30, stepsPerEpoch = 10; // 300 images, no validation
        var options = MLNetFixtures.FastImages();
        options.BatchSize = batchSize;
        options.ValidationSetFraction = 0;
        options.MaxEpoch = steps / stepsPerEpoch;
        options.LogEveryNSteps = Math.Max(1, steps / 10);
        long? warm = null, last = null;
        options.MetricsCallback = p =>
        {
            if (p.Phase != TrainingPhase.Step) return;
            last = ProcessMemory.ResidentBytes();
            warm ??= last;
        };
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(MLNetFixtures.ImageRows());
        var start = TorchRuntime.LiveTensorCount;
        var chain = Pipeline(ml, options).Fit(data);
        MLNetFixtures.Classifier<ImageClassificationModel>(chain).Model.Dispose();
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "live tensors after the model is disposed");
        AssertFlat(warm!.Value, last!.Value, $"{steps} training steps");
    }

    private static void Predict(int predictions)
    {
        var ml = new MLContext(seed: 1);
        var rows = MLNetFixtures.ImageRows();
        var start = TorchRuntime.LiveTensorCount;
        var chain = Pipeline(ml, MLNetFixtures.FastImages()).Fit(ml.Data.LoadFromEnumerable(rows));
        var model = MLNetFixtures.Classifier<ImageClassificationModel>(chain).Model;
        using (var engine = ml.Model.CreatePredictionEngine<ImageRow, ClassOutput>(chain))
        {
            var warmUp = Math.Max(predictions / 10, 3_000); // the allocator and tiered JIT settle over the first few thousand
            long warm = 0;
            for (var i = 0; i < predictions; i++)
            {
                if (i == warmUp) warm = ProcessMemory.ResidentBytes();
                Assert.HasCount(10, engine.Predict(rows[i % rows.Length]).Score);
            }
            AssertFlat(warm, ProcessMemory.ResidentBytes(), $"{predictions} predictions");
        }
        model.Dispose();
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "live tensors after the model is disposed");
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, ImageClassificationTrainer.Options trainer)
        => ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadRawImageBytes("Image", null, nameof(ImageRow.ImagePath)))
            .Append(ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options { Trainer = trainer }));

    private static void AssertFlat(long warm, long end, string what)
    {
        var growth = (double)(end - warm) / warm;
        Console.WriteLine($"{what}: resident {warm / 1048576.0:F1} MiB after warm-up, {end / 1048576.0:F1} MiB at the end ({growth:P2})");
        Assert.IsLessThan(AllowedGrowth, growth, $"{what}: resident memory grew from {warm} to {end} bytes");
    }
}
