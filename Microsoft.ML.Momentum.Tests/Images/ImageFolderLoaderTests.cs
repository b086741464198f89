using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageFolderLoaderTests
{
    private static string Fixture(params string[] parts) => Path.Combine([ImageFixtureTests.Root, .. parts]);

    [TestMethod]
    public void FashionFolderKeepsClassNamesAndOrder()
    {
        var result = ImageFolderLoader.Load(Fixture("fashion"));
        var images = result.Images;
        var expectedNames = ImageFixtureGenerator.FashionFolderNames.Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expectedNames, images.ClassNames.ToArray());
        CollectionAssert.Contains(images.ClassNames.ToArray(), "Sandale été");
        CollectionAssert.Contains(images.ClassNames.ToArray(), "T-shirt top");
        Assert.AreEqual(300, images.Count);
        Assert.AreEqual((1, 28, 28), (images.Channels, images.Height, images.Width), "All gray PNGs: Auto picks one channel.");
        Assert.AreEqual(0, result.Report.SkippedCount);
        Assert.AreEqual(0, result.Report.ResizedCount);
        Assert.AreEqual(0, result.Report.ConvertedCount);
        CollectionAssert.AreEqual(Enumerable.Repeat(30, 10).ToArray(), result.Report.CountPerClass.ToArray());
        for (var i = 0; i < images.Count; i++)
        {
            Assert.AreEqual(i / 30, images.Labels[i]);
            Assert.AreEqual(Fixture("fashion", images.ClassNames[i / 30], $"{i % 30:D3}.png"), result.Sources[i]);
        }
    }

    [TestMethod]
    public void FashionFolderPixelsEqualTheIdxOriginals()
    {
        TestEnvironment.RequireData(FashionMnist.IsAvailable(), "Fashion-MNIST (dataset-fashion-mnist)");
        var train = FashionMnist.LoadTrain();
        var loaded = ImageFolderLoader.Load(Fixture("fashion")).Images;
        foreach (var (label, index, position) in ImageFixtureGenerator.FashionSelection(train))
        {
            var loadedLabel = loaded.ClassNames.ToList().IndexOf(ImageFixtureGenerator.FashionFolderNames[label]);
            var at = loadedLabel * ImageFixtureGenerator.PerClass + position;
            CollectionAssert.AreEqual(train.Pixels.AsSpan(index * 784, 784).ToArray(), loaded.Pixels.AsSpan(at * 784, 784).ToArray());
        }
    }

    [TestMethod]
    public void MixedFormatsSizesAndChannelsAreConverted()
    {
        var result = ImageFolderLoader.Load(Fixture("formats"));
        var images = result.Images;
        CollectionAssert.AreEqual(new[] { "circles", "squares" }, images.ClassNames.ToArray());
        Assert.AreEqual(13, images.Count, "7 circles + 6 squares; notes.txt and .hidden.png are ignored; .PNG matches .png.");
        Assert.AreEqual(3, images.Channels, "Some images are colour: Auto picks RGB.");
        Assert.AreEqual((32, 32), (images.Height, images.Width), "32x32 is the most common size.");
        Assert.AreEqual(4, result.Report.ResizedCount, "c6 30x40, c7 24x24, s2 48x48, s6 16x16");
        // GIFs decode as RGB (a palette, no transparency); the gray JPEG is stored, and decodes, as gray.
        Assert.AreEqual(5, result.Report.ConvertedCount, "gray PNGs, gray+alpha, RGBA and the gray JPEG");
        StringAssert.EndsWith(result.Sources[^1], "s6-upper.PNG");
        // The gray PNG became three equal planes.
        var first = images.Pixels.AsSpan(0, images.ImageLength);
        CollectionAssert.AreEqual(first[..1024].ToArray(), first.Slice(2048, 1024).ToArray());
    }

    [TestMethod]
    public void ExplicitSizeAndGrayscaleAreHonoured()
    {
        var result = ImageFolderLoader.Load(Fixture("formats"), new ImageFolderOptions { ImageSize = new ImageSize(20, 24), ColorMode = ImageColorMode.Grayscale });
        Assert.AreEqual((1, 20, 24), (result.Images.Channels, result.Images.Height, result.Images.Width));
        Assert.AreEqual(13, result.Report.ResizedCount);
        Assert.AreEqual(10, result.Report.ConvertedCount, "everything but the two 1-channel PNGs and the gray JPEG");
    }

    [TestMethod]
    public void FileExtensionsFilterTheFiles()
    {
        var result = ImageFolderLoader.Load(Fixture("formats"), new ImageFolderOptions { FileExtensions = [".gif", ".bmp"] });
        Assert.AreEqual(4, result.Images.Count);
        Assert.IsTrue(result.Sources.All(s => s.EndsWith(".gif", StringComparison.Ordinal) || s.EndsWith(".bmp", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void FirstInvalidImageThrowsWithItsPath()
    {
        // With the shape inferred, the header pass sees "3-not-an-image.jpg" fail first, yet the image reported
        // is the first invalid one in load order: the truncated PNG, whose header is fine.
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("bad", "truncated")));
        StringAssert.Contains(error.Message, Fixture("bad", "truncated", "b", "2-truncated.png"));
        StringAssert.Contains(error.Message, "could not be decoded");
        var fixedShape = new ImageFolderOptions { ImageSize = new ImageSize(16, 16), ColorMode = ImageColorMode.Grayscale, MaxDegreeOfParallelism = 4 };
        var again = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("bad", "truncated"), fixedShape));
        StringAssert.Contains(again.Message, "2-truncated.png");
    }

    [TestMethod]
    public void InvalidImagesAreSkippedAndCounted()
    {
        var result = ImageFolderLoader.Load(Fixture("bad", "truncated"), new ImageFolderOptions { SkipInvalidImages = true });
        Assert.AreEqual(3, result.Images.Count);
        Assert.AreEqual(2, result.Report.SkippedCount);
        StringAssert.EndsWith(result.Report.Skipped[0].Source, "2-truncated.png");
        StringAssert.EndsWith(result.Report.Skipped[1].Source, "3-not-an-image.jpg");
        StringAssert.Contains(result.Report.Skipped[1].Reason, "unknown format");
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, result.Images.Labels);
        CollectionAssert.AreEqual(new[] { 2, 1 }, result.Report.CountPerClass.ToArray());
        // The kept images were compacted in order.
        var expected = ImageDecoder.DecodeFile(Fixture("bad", "truncated", "b", "1.png"));
        CollectionAssert.AreEqual(expected.Pixels, result.Images.Pixels.AsSpan(2 * 256, 256).ToArray());
    }

    [TestMethod]
    public void StructuralProblemsAreReportedWithThePath()
    {
        var one = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("bad", "one-class")));
        StringAssert.Contains(one.Message, "1 class folder ('only')");
        var empty = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("bad", "empty-class")));
        StringAssert.Contains(empty.Message, Fixture("bad", "empty-class", "b"));
        StringAssert.Contains(empty.Message, "holds no images");
        var none = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("bad", "no-images")));
        StringAssert.Contains(none.Message, "holds no images");
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => ImageFolderLoader.Load(Fixture("bad", "missing")));
        Assert.ThrowsExactly<ArgumentException>(() => ImageFolderLoader.Load(Fixture("formats"), new ImageFolderOptions { FileExtensions = ["png"] }));
    }

    [TestMethod]
    public void GivenClassNamesLabelAnotherFolderAlike()
    {
        // A test folder loaded with the training set's classes: an empty class is fine, labels follow the list.
        var options = new ImageFolderOptions { ClassNames = ["z", "b", "a"] };
        var result = ImageFolderLoader.Load(Fixture("bad", "empty-class"), options);
        CollectionAssert.AreEqual(new[] { "z", "b", "a" }, result.Images.ClassNames.ToArray());
        CollectionAssert.AreEqual(new[] { 2, 2 }, result.Images.Labels);
        CollectionAssert.AreEqual(new[] { 0, 0, 2 }, result.Report.CountPerClass.ToArray());
        var unknown = Assert.ThrowsExactly<InvalidDataException>(() => ImageFolderLoader.Load(Fixture("formats"), new ImageFolderOptions { ClassNames = ["circles"] }));
        StringAssert.Contains(unknown.Message, "squares");
    }

    [TestMethod]
    public void LoadIsIdenticalWhateverTheParallelism()
    {
        var serial = ImageFolderLoader.Load(Fixture("fashion"), new ImageFolderOptions { MaxDegreeOfParallelism = 1, ColorMode = ImageColorMode.Rgb, ImageSize = new ImageSize(20, 20) });
        var parallel = ImageFolderLoader.Load(Fixture("fashion"), new ImageFolderOptions { MaxDegreeOfParallelism = 8, ColorMode = ImageColorMode.Rgb, ImageSize = new ImageSize(20, 20) });
        CollectionAssert.AreEqual(serial.Images.Pixels, parallel.Images.Pixels);
        CollectionAssert.AreEqual(serial.Images.Labels, parallel.Images.Labels);
    }

    [TestMethod]
    public void NestedFoldersBelongToTheirClassAndHiddenOnesAreIgnored()
    {
        var root = Path.Combine(Path.GetTempPath(), "momentum-folder-" + Guid.NewGuid().ToString("N"));
        try
        {
            var png = ImageEncoder.Encode(SyntheticImages.Shape(true, 1, 8, 8), EncodedImageFormat.Png);
            foreach (var path in new[] { "cat/b.png", "cat/a/z.png", "cat/a/y.png", "dog/1.png", "dog/.thumbs/1.png", ".git/x/1.png" })
            {
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, png);
            }
            File.WriteAllBytes(Path.Combine(root, "stray.png"), png);
            var result = ImageFolderLoader.Load(root);
            CollectionAssert.AreEqual(new[] { "cat", "dog" }, result.Images.ClassNames.ToArray());
            CollectionAssert.AreEqual(
                new[] { "cat/a/y.png", "cat/a/z.png", "cat/b.png", "dog/1.png" },
                result.Sources.Select(s => Path.GetRelativePath(root, s).Replace('\\', '/')).ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
