using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Tests.Images;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Tests.ImageTrainer;

/// <summary>Small, fast trainer set-ups over the committed 300-image Fashion-MNIST fixture (10 classes × 30 PNGs).</summary>
internal static class ImageTrainerFixture
{
    public static string Fashion => Path.Combine(ImageFixtureTests.Root, "fashion");

    public static string Bad(string name) => Path.Combine(ImageFixtureTests.Root, "bad", name);

    public static ImageDataSource FashionFolder => ImageDataSource.FromFolder(Fashion);

    /// <summary>A small MLP, 3 epochs, batch 32, SGD-momentum at a constant rate, 2 threads, CPU.</summary>
    public static ImageClassificationTrainer.Options Options(Action<ImageClassificationTrainer.Options>? change = null)
    {
        var options = new ImageClassificationTrainer.Options
        {
            Architecture = ImageClassificationArchitecture.Mlp,
            MlpHiddenSizes = [64],
            MaxEpoch = 3,
            BatchSize = 32,
            Optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 },
            Seed = 7,
            NumberOfThreads = TestEnvironment.Threads,
            Device = ComputeDevice.Cpu,
        };
        change?.Invoke(options);
        return options;
    }

    public static ImageClassificationModel Fit(Action<ImageClassificationTrainer.Options>? change = null, ImageDataSource? data = null,
        CancellationToken cancellation = default)
        => new ImageClassificationTrainer(Options(change)).Fit(data ?? FashionFolder, cancellation);

    /// <summary>Every end-of-epoch progress report of a run.</summary>
    public static List<TrainingProgress> EpochReports(ImageClassificationTrainer.Options options)
    {
        var reports = new List<TrainingProgress>();
        var previous = options.MetricsCallback;
        options.MetricsCallback = p =>
        {
            previous?.Invoke(p);
            if (p.Phase == TrainingPhase.EpochEnd) reports.Add(p);
        };
        return reports;
    }

    public static string TemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"momentum-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static float[] ScoresOf(ImageClassificationModel model, IReadOnlyList<string> files)
        => model.PredictBatch(files).SelectMany(p => p.Score).ToArray();

    public static IReadOnlyList<string> SomeFiles(int count = 20)
        => Directory.EnumerateFiles(Fashion, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).ToArray();
}
