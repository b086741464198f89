using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Tests.ImageTrainer.ImageTrainerFixture;

namespace Microsoft.ML.Momentum.Tests.ImageTrainer;

/// <summary>What a user sees when the data or the options are wrong: errors that name the file or option.</summary>
[TestClass]
public sealed class ImageTrainerBadInputTests
{
    [TestMethod]
    public void ATruncatedImageIsReportedWithItsPath()
    {
        var error = Assert.Throws<InvalidDataException>(() => Fit(o => o.ValidationSetFraction = 0, ImageDataSource.FromFolder(Bad("truncated"))));
        StringAssert.Contains(error.Message, Path.Combine("truncated", "b", "2-truncated.png"));
    }

    [TestMethod]
    public void SkipInvalidImagesSkipsAndCountsThem()
    {
        using var model = Fit(o => { o.ValidationSetFraction = 0; o.SkipInvalidImages = true; o.MaxEpoch = 1; }, ImageDataSource.FromFolder(Bad("truncated")));
        Assert.AreEqual(2, model.TrainingData!.SkippedCount);
        Assert.AreEqual(3, model.TrainingData.LoadedCount);
        CollectionAssert.AreEquivalent(new[] { "2-truncated.png", "3-not-an-image.jpg" }, model.TrainingData.Skipped.Select(s => Path.GetFileName(s.Source)).ToArray());
    }

    [TestMethod]
    [DataRow("one-class", "class")]
    [DataRow("empty-class", "b")]
    [DataRow("no-images", "image")]
    public void FoldersThatCannotMakeAClassifierAreRefused(string folder, string mentioned)
    {
        var error = Assert.Throws<InvalidDataException>(() => Fit(o => o.ValidationSetFraction = 0, ImageDataSource.FromFolder(Bad(folder))));
        StringAssert.Contains(error.Message, Bad(folder));
        StringAssert.Contains(error.Message, mentioned);
    }

    [TestMethod]
    public void AMissingFolderIsReported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-momentum-folder");
        var error = Assert.Throws<DirectoryNotFoundException>(() => Fit(data: ImageDataSource.FromFolder(missing)));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    [DataRow("BatchSize", "Option 'BatchSize' must be at least 1; got 0.")]
    [DataRow("MaxEpoch", "Option 'MaxEpoch' must be at least 1; got 0.")]
    [DataRow("ValidationSetFraction", "Option 'ValidationSetFraction' must be in [0, 1); got 1.")]
    [DataRow("ResNetDepth", "Option 'ResNetDepth' must be 6n+2 with n ≥ 1 (8, 14, 20, 32, 44, 56, 110); got 21.")]
    [DataRow("ResumeFromCheckpoint", "Option 'ResumeFromCheckpoint' needs WorkspacePath (where the checkpoint is).")]
    public void InvalidOptionsAreNamed(string option, string message)
    {
        var options = Options(o =>
        {
            switch (option)
            {
                case "BatchSize": o.BatchSize = 0; break;
                case "MaxEpoch": o.MaxEpoch = 0; break;
                case "ValidationSetFraction": o.ValidationSetFraction = 1; break;
                case "ResNetDepth": o.ResNetDepth = 21; break;
                case "ResumeFromCheckpoint": o.ResumeFromCheckpoint = true; break;
            }
        });
        var error = Assert.Throws<ArgumentException>(() => new ImageClassificationTrainer(options));
        Assert.AreEqual($"{message} (Parameter '{option}')", error.Message);
    }

    [TestMethod]
    public void ValidationLabelsOutsideTheTrainingClassesAreRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Fit(o => o.ValidationSet = ImageDataSource.FromFolder(Bad("truncated"))));
        StringAssert.Contains(error.Message, "truncated");
    }

    [TestMethod]
    public void ModelFilesThatAreNotImageModelsAreRefused()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a zip");
            var error = Assert.Throws<InvalidDataException>(() => ImageClassificationModel.Load(file));
            StringAssert.Contains(error.Message, file);
            Assert.Throws<FileNotFoundException>(() => ImageClassificationModel.Load(file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void AFailedSaveLeavesTheExistingModelFileIntact()
    {
        var directory = TemporaryDirectory();
        try
        {
            var path = Path.Combine(directory, "model.zip");
            using var model = Fit(o => o.MaxEpoch = 1);
            model.Save(path);
            var before = File.ReadAllBytes(path);
            model.Dispose();
            Assert.Throws<ObjectDisposedException>(() => model.Save(path));
            CollectionAssert.AreEqual(before, File.ReadAllBytes(path));
            Assert.HasCount(1, Directory.GetFiles(directory), "no temporary file is left behind");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
