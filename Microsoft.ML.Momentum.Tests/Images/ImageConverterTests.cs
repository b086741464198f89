using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageConverterTests
{
    private static DecodedImage Rgb(byte r, byte g, byte b) => new([r, g, b], 3, 1, 1);

    [TestMethod]
    [DataRow((byte)255, (byte)255, (byte)255, (byte)255)]
    [DataRow((byte)0, (byte)0, (byte)0, (byte)0)]
    [DataRow((byte)255, (byte)0, (byte)0, (byte)76)]   // 0.299 * 255 = 76.2
    [DataRow((byte)0, (byte)255, (byte)0, (byte)150)]  // 0.587 * 255 = 149.7
    [DataRow((byte)0, (byte)0, (byte)255, (byte)29)]   // 0.114 * 255 = 29.1
    [DataRow((byte)100, (byte)150, (byte)200, (byte)141)] // 29.9 + 88.05 + 22.8 = 140.75
    public void ColourToGrayIsBt601Luma(byte r, byte g, byte b, byte expected) =>
        Assert.AreEqual(expected, ImageConverter.Convert(Rgb(r, g, b), 1, new ImageSize(1, 1)).Pixels[0]);

    [TestMethod]
    public void GrayToRgbReplicatesAndAlphaIsDropped()
    {
        var grayAlpha = new DecodedImage([10, 20, 255, 0], 2, 1, 2);
        CollectionAssert.AreEqual(new byte[] { 10, 20, 10, 20, 10, 20 }, ImageConverter.Convert(grayAlpha, 3, new ImageSize(1, 2)).Pixels);
        var rgba = new DecodedImage([1, 2, 3, 4, 5, 6, 7, 8], 4, 1, 2);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6 }, ImageConverter.Convert(rgba, 3, new ImageSize(1, 2)).Pixels);
    }

    [TestMethod]
    public void ShrinkingAveragesAreas()
    {
        var image = new DecodedImage([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60], 1, 4, 4);
        var half = ImageConverter.Convert(image, 1, new ImageSize(2, 2));
        // Each output pixel is the mean of a 2x2 block: (0+4+16+20)/4 = 10, ...
        CollectionAssert.AreEqual(new byte[] { 10, 18, 42, 50 }, half.Pixels);
        // A non-integer factor: 3 -> 2 weights the middle pixel half to each side.
        var row = ImageConverter.Convert(new DecodedImage([0, 90, 180], 1, 1, 3), 1, new ImageSize(1, 2));
        CollectionAssert.AreEqual(new byte[] { 30, 150 }, row.Pixels); // (0 + 45) / 1.5, (45 + 180) / 1.5
    }

    [TestMethod]
    public void EnlargingIsBilinearWithCentresAligned()
    {
        var row = ImageConverter.Convert(new DecodedImage([0, 100], 1, 1, 2), 1, new ImageSize(1, 4));
        // Output centres map to source x = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
        CollectionAssert.AreEqual(new byte[] { 0, 25, 75, 100 }, row.Pixels);
    }

    [TestMethod]
    public void ConstantImagesStayConstantAndSameSizeIsACopy()
    {
        var flat = new DecodedImage(Enumerable.Repeat((byte)77, 3 * 13 * 7).ToArray(), 3, 13, 7);
        foreach (var size in new[] { new ImageSize(5, 5), new ImageSize(28, 28), new ImageSize(13, 20), new ImageSize(1, 1) })
        {
            Assert.IsTrue(ImageConverter.Convert(flat, 3, size).Pixels.All(p => p == 77), $"{size}");
        }
        var image = SyntheticImages.Shape(true, 3, 10, 10, 1);
        CollectionAssert.AreEqual(image.Pixels, ImageConverter.Convert(image, 3, image.Size).Pixels);
    }

    [TestMethod]
    public void ColourResizedToGrayIsLumaThenResize()
    {
        var image = SyntheticImages.Shape(true, 3, 30, 30, 2);
        var direct = ImageConverter.Convert(image, 1, new ImageSize(12, 12));
        var stepwise = ImageConverter.Convert(ImageConverter.Convert(image, 1, image.Size), 1, new ImageSize(12, 12));
        CollectionAssert.AreEqual(stepwise.Pixels, direct.Pixels);
        var rgb = ImageConverter.Convert(SyntheticImages.Shape(true, 1, 30, 30, 2), 3, new ImageSize(12, 12));
        CollectionAssert.AreEqual(rgb.Plane(0).ToArray(), rgb.Plane(2).ToArray());
    }

    [TestMethod]
    public void RejectsUnsupportedTargets()
    {
        var image = SyntheticImages.Shape(true, 3, 4, 4);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageConverter.Convert(image, 2, new ImageSize(4, 4)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageConverter.Convert(image, 3, new ImageSize(0, 4)));
        Assert.ThrowsExactly<ArgumentException>(() => new DecodedImage(new byte[5], 1, 2, 2));
    }
}
