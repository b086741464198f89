using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageCodecTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void PngRoundTripIsExactAndPlanar(int channels)
    {
        var image = SyntheticImages.Shape(true, channels, 13, 17, 2);
        var encoded = ImageEncoder.Encode(image, EncodedImageFormat.Png);
        Assert.AreEqual(new ImageInfo(17, 13, channels), ImageDecoder.ReadInfo(encoded));
        var decoded = ImageDecoder.Decode(encoded);
        Assert.AreEqual(channels, decoded.Channels);
        Assert.AreEqual(new ImageSize(13, 17), decoded.Size);
        CollectionAssert.AreEqual(image.Pixels, decoded.Pixels);
    }

    [TestMethod]
    public void BmpRoundTripIsExact()
    {
        var image = SyntheticImages.Shape(false, 3, 9, 11, 1);
        var decoded = ImageDecoder.Decode(ImageEncoder.Encode(image, EncodedImageFormat.Bmp));
        CollectionAssert.AreEqual(image.Pixels, decoded.Pixels);
    }

    [TestMethod]
    public void JpegRoundTripIsClose()
    {
        var image = SyntheticImages.Shape(true, 3, 32, 32, 1);
        var decoded = ImageDecoder.Decode(ImageEncoder.Encode(image, EncodedImageFormat.Jpeg, 95));
        Assert.AreEqual(3, decoded.Channels);
        var meanError = image.Pixels.Zip(decoded.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.IsLessThan(6.0, meanError);
    }

    [TestMethod]
    public void GifDecodesItsFirstFrameAsRgba()
    {
        var image = SyntheticImages.Shape(true, 1, 20, 30, 0);
        var decoded = ImageDecoder.Decode(SyntheticImages.Gif(image));
        Assert.AreEqual(4, decoded.Channels, "stb_image decodes GIF as RGBA.");
        for (var c = 0; c < 3; c++) CollectionAssert.AreEqual(image.Pixels, decoded.Plane(c).ToArray());
        Assert.IsTrue(decoded.Plane(3).ToArray().All(a => a == 255));
    }

    [TestMethod]
    public void TruncatedPngReportsTheDecodersReason()
    {
        var encoded = ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 32, 32), EncodedImageFormat.Png);
        var truncated = encoded.AsSpan(0, encoded.Length / 2).ToArray();
        Assert.AreEqual(new ImageInfo(32, 32, 3), ImageDecoder.ReadInfo(truncated), "The header survives the truncation.");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode(truncated));
        StringAssert.Contains(error.Message, "PNG");
        StringAssert.Contains(error.Message, "could not be decoded");
    }

    [TestMethod]
    public void GarbageAndEmptyInputsAreInvalidData()
    {
        var garbage = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode("definitely not an image"u8));
        StringAssert.Contains(garbage.Message, "unknown format");
        Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.ReadInfo(ReadOnlySpan<byte>.Empty));
    }

    [TestMethod]
    public void DecodeFileNamesTheFile()
    {
        var path = Path.Combine(ImageFixtureTests.Root, "bad", "truncated", "b", "2-truncated.png");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.DecodeFile(path));
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void EncoderRejectsBadArguments()
    {
        var image = SyntheticImages.Shape(true, 3, 8, 8);
        Assert.ThrowsExactly<ArgumentException>(() => ImageEncoder.Encode(image, EncodedImageFormat.Jpeg, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageEncoder.Encode(image, (EncodedImageFormat)7));
    }

    [TestMethod]
    public void DecodingIsThreadSafe()
    {
        var encoded = Enumerable.Range(0, 8).Select(v => ImageEncoder.Encode(SyntheticImages.Shape(v % 2 == 0, 3, 24, 24, v), EncodedImageFormat.Png)).ToArray();
        var bad = ImageEncoder.Encode(SyntheticImages.Shape(true, 1, 24, 24), EncodedImageFormat.Png)[..40];
        Parallel.For(0, 400, i =>
        {
            if (i % 5 == 0)
            {
                // Failures on some threads must not disturb the messages or results of others.
                var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode(bad));
                StringAssert.Contains(error.Message, "PNG");
                return;
            }
            var decoded = ImageDecoder.Decode(encoded[i % 8]);
            CollectionAssert.AreEqual(SyntheticImages.Shape(i % 8 % 2 == 0, 3, 24, 24, i % 8).Pixels, decoded.Pixels);
        });
    }
}
