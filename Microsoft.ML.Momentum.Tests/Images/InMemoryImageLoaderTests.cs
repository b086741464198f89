using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class InMemoryImageLoaderTests
{
    [TestMethod]
    public void PixelsOfMixedShapesAreConverted()
    {
        DecodedImageExample[] examples =
        [
            new(0, SyntheticImages.Shape(true, 1, 16, 16)),
            new(1, SyntheticImages.Shape(false, 3, 16, 16)),
            new(1, SyntheticImages.Shape(false, 4, 32, 24)),
            new(0, SyntheticImages.Shape(true, 1, 16, 16, 3)),
        ];
        var result = InMemoryImageLoader.FromPixels(examples, ["disc", "square"]);
        Assert.AreEqual((3, 16, 16), (result.Images.Channels, result.Images.Height, result.Images.Width));
        CollectionAssert.AreEqual(new[] { 0, 1, 1, 0 }, result.Images.Labels);
        Assert.AreEqual("example #2", result.Sources[2]);
        Assert.AreEqual(1, result.Report.ResizedCount);
        Assert.AreEqual(3, result.Report.ConvertedCount);
        CollectionAssert.AreEqual(examples[1].Image.Pixels, result.Images.Pixels.AsSpan(768, 768).ToArray());
    }

    [TestMethod]
    public void EncodedExamplesAreDecodedAndInvalidOnesReported()
    {
        var good = ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 10, 10), EncodedImageFormat.Png);
        var jpeg = ImageEncoder.Encode(SyntheticImages.Shape(false, 3, 10, 10), EncodedImageFormat.Jpeg);
        EncodedImageExample[] examples = [new(0, good), new(1, jpeg), new(1, "junk"u8.ToArray()), new(0, good)];
        var error = Assert.ThrowsExactly<InvalidDataException>(() => InMemoryImageLoader.FromEncoded(examples, ["a", "b"]));
        StringAssert.Contains(error.Message, "example #2");

        var result = InMemoryImageLoader.FromEncoded(examples, ["a", "b"], new ImageLoadOptions { SkipInvalidImages = true, ColorMode = ImageColorMode.Grayscale });
        Assert.AreEqual(3, result.Images.Count);
        Assert.AreEqual(1, result.Images.Channels);
        CollectionAssert.AreEqual(new[] { "example #0", "example #1", "example #3" }, result.Sources.ToArray());
        Assert.AreEqual("example #2", result.Report.Skipped.Single().Source);
    }

    [TestMethod]
    public void LabelsMustNameAClass()
    {
        var png = ImageEncoder.Encode(SyntheticImages.Shape(true, 1, 4, 4), EncodedImageFormat.Png);
        var error = Assert.ThrowsExactly<ArgumentException>(() => InMemoryImageLoader.FromEncoded([new(2, png)], ["a", "b"]));
        StringAssert.Contains(error.Message, "Example #0 has label 2");
        Assert.ThrowsExactly<ArgumentException>(() => InMemoryImageLoader.FromEncoded([], ["a"]));
    }

    [TestMethod]
    public void AllInvalidIsAnError()
    {
        var options = new ImageLoadOptions { SkipInvalidImages = true };
        var error = Assert.ThrowsExactly<InvalidDataException>(() => InMemoryImageLoader.FromEncoded([new(0, "x"u8.ToArray()), new(0, "y"u8.ToArray())], ["a"], options));
        StringAssert.Contains(error.Message, "None of the 2 images");
    }

    [TestMethod]
    public void IdxPairLoadsAsGrayImages()
    {
        var directory = Path.Combine(Path.GetTempPath(), "momentum-idx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var images = Path.Combine(directory, "images.idx");
            var labels = Path.Combine(directory, "labels.idx");
            File.WriteAllBytes(images, [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6]);
            File.WriteAllBytes(labels, [0, 0, 8, 1, 0, 0, 0, 3, 2, 0, 1]);
            var set = IdxImageLoader.Load(images, labels);
            Assert.AreEqual((3, 1, 1, 2), (set.Count, set.Channels, set.Height, set.Width));
            CollectionAssert.AreEqual(new[] { "0", "1", "2" }, set.ClassNames.ToArray());
            CollectionAssert.AreEqual(new[] { 2, 0, 1 }, set.Labels);
            var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImageLoader.Load(images, labels, ["a", "b"]));
            StringAssert.Contains(error.Message, labels);
            var rgb = set.ConvertTo(3, new ImageSize(2, 4));
            Assert.AreEqual((3, 3, 2, 4), (rgb.Count, rgb.Channels, rgb.Height, rgb.Width));
            CollectionAssert.AreEqual(new byte[] { 1, 1, 2, 2, 1, 1, 2, 2 }, rgb.Pixels.AsSpan(0, 8).ToArray());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
