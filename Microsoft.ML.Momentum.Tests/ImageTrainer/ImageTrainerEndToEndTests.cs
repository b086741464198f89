using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Tests.ImageTrainer.ImageTrainerFixture;

namespace Microsoft.ML.Momentum.Tests.ImageTrainer;

[TestClass]
public sealed class ImageTrainerEndToEndTests
{
    [TestMethod]
    public void TrainEvaluateSaveLoadPredictGivesTheSameScores()
    {
        var trainer = new ImageClassificationTrainer(new ImageClassificationTrainer.Options
        {
            MaxEpoch = 6, BatchSize = 30, Optimizer = new Momo(), ValidationSetFraction = 0.2,
            NumberOfThreads = TestEnvironment.Threads, Device = ComputeDevice.Cpu,
        }, contextSeed: 3);
        using var model = trainer.Fit(FashionFolder);
        var metrics = model.Evaluate(FashionFolder);
        Console.WriteLine($"small CNN + MoMo on the fixture: accuracy {metrics.Accuracy:P1}, macro-F1 {metrics.MacroF1:F3}, log-loss {metrics.LogLoss:F3}");
        Assert.AreEqual(300, metrics.Count);
        Assert.IsGreaterThan(0.6, metrics.Accuracy, "six epochs on 240 images should fit most of them");
        Assert.AreEqual(10, metrics.ConfusionMatrix.Count);
        Assert.AreEqual(300L, metrics.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.AreEqual(6, model.Training!.History.Count);

        var directory = TemporaryDirectory();
        try
        {
            var path = Path.Combine(directory, "nested", "model.zip");
            model.Save(path);
            using var loaded = ImageClassificationModel.Load(path);
            CollectionAssert.AreEqual(model.ClassNames.ToArray(), loaded.ClassNames.ToArray());
            Assert.AreEqual(model.Input, loaded.Input);
            CollectionAssert.AreEqual(ScoresOf(model, SomeFiles()), ScoresOf(loaded, SomeFiles()));
            Assert.AreEqual(metrics.Accuracy, loaded.Evaluate(FashionFolder).Accuracy);
            Assert.AreEqual(model.Training.History.Count, loaded.Training!.History.Count, "the history travels in the zip");

            var file = SomeFiles(1)[0];
            var single = loaded.Predict(file);
            CollectionAssert.AreEqual(model.Predict(File.ReadAllBytes(file)).Score.ToArray(), single.Score.ToArray());
            Assert.AreEqual(1.0, single.Score.Sum(), 1e-5);
            Assert.AreEqual(loaded.ClassNames[single.PredictedClass], single.PredictedLabel);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [TestMethod]
    public void LabelNamesWithSpacesAndUnicodeAreKept()
    {
        using var model = Fit(o => o.MaxEpoch = 1);
        CollectionAssert.Contains(model.ClassNames.ToArray(), "Sandale été");
        CollectionAssert.Contains(model.ClassNames.ToArray(), "T-shirt top");
        var sandal = Directory.EnumerateFiles(Path.Combine(Fashion, "Sandale été")).First();
        Assert.Contains(model.Predict(sandal).PredictedLabel, model.ClassNames.ToArray());
    }

    [TestMethod]
    public void ConcurrentPredictionsEqualSequentialOnes()
    {
        using var model = Fit(o => o.MaxEpoch = 1);
        var files = SomeFiles(40);
        var sequential = files.Select(f => model.Predict(f).Score.ToArray()).ToArray();
        var parallel = new float[files.Count][];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = model.Predict(files[i]).Score.ToArray());
        for (var i = 0; i < files.Count; i++) CollectionAssert.AreEqual(sequential[i], parallel[i], $"image {i}");
    }

    [TestMethod]
    public void ImagesOfMixedSizesAndChannelsAreTrainedAndPredicted()
    {
        // circles/squares hold PNG (gray, RGB, RGBA), JPEG, BMP and GIF files of different sizes.
        var formats = Path.Combine(Tests.Images.ImageFixtureTests.Root, "formats");
        using var model = Fit(o => { o.ValidationSetFraction = 0; o.ImageSize = new(16, 16); }, ImageDataSource.FromFolder(formats));
        Assert.AreEqual(new ImageSize(16, 16), model.Input.Size);
        foreach (var file in Directory.EnumerateFiles(formats, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).StartsWith('.') && ImageFolderOptions.DefaultFileExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
        {
            Assert.HasCount(2, model.Predict(file).Score, file);
        }
    }

    [TestMethod]
    public void TrainsFromATableOfImagePathsWithNamedColumns()
    {
        var directory = TemporaryDirectory();
        try
        {
            var table = Path.Combine(directory, "images.csv");
            var rows = Directory.EnumerateDirectories(Fashion).Order(StringComparer.Ordinal)
                .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal).Take(5).Select(f => $"\"{f}\",\"{Path.GetFileName(d)}\""));
            File.WriteAllLines(table, ["file,category", .. rows]);
            using var model = Fit(o => { o.ImageColumnName = "file"; o.LabelColumnName = "category"; o.ValidationSetFraction = 0; }, ImageDataSource.FromTable(table));
            Assert.AreEqual(10, model.ClassNames.Count);
            Assert.AreEqual(50, model.TrainingData!.LoadedCount);

            var error = Assert.Throws<InvalidDataException>(() => Fit(o => o.ImageColumnName = "path", ImageDataSource.FromTable(table)));
            Assert.AreEqual($"{table}, line 1, column 'path': the ImageColumnName column 'path' was not found; the columns found in the header are: 'file', 'category'.", error.Message);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
