using System.Buffers.Binary;
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
        // SkiaSharp writes no gray + alpha PNG: such an image is stored as RGBA, gray replicated.
        var expected = channels == 2 ? GrayAlphaAsRgba(image) : image;
        Assert.AreEqual(new ImageInfo(17, 13, expected.Channels), ImageDecoder.ReadInfo(encoded));
        var decoded = ImageDecoder.Decode(encoded);
        Assert.AreEqual(expected.Channels, decoded.Channels);
        Assert.AreEqual(new ImageSize(13, 17), decoded.Size);
        CollectionAssert.AreEqual(expected.Pixels, decoded.Pixels);
    }

    [TestMethod]
    public void GrayAlphaPngsDecodeToTwoChannels()
    {
        var image = SyntheticImages.Shape(false, 2, 12, 10, 1);
        var encoded = PngWriter.WriteGrayAlpha(image);
        Assert.AreEqual(new ImageInfo(10, 12, 2), ImageDecoder.ReadInfo(encoded));
        CollectionAssert.AreEqual(image.Pixels, ImageDecoder.Decode(encoded).Pixels);

        // Gray with one transparent level (tRNS) is gray + alpha too.
        var gray = SyntheticImages.Shape(false, 1, 12, 10, 1);
        var level = gray.Pixels[0];
        var decoded = ImageDecoder.Decode(PngWriter.Write(10, 12, PngWriter.Gray, 8, gray.Pixels, [0, level]));
        Assert.AreEqual(2, decoded.Channels);
        CollectionAssert.AreEqual(gray.Pixels, decoded.Plane(0).ToArray());
        CollectionAssert.AreEqual(gray.Pixels.Select(v => v == level ? (byte)0 : (byte)255).ToArray(), decoded.Plane(1).ToArray());
    }

    [TestMethod]
    [DataRow(PngWriter.Gray, 1)]
    [DataRow(PngWriter.GrayAlpha, 2)]
    [DataRow(PngWriter.Rgb, 3)]
    [DataRow(PngWriter.Rgba, 4)]
    public void SixteenBitPngsKeepTheHighByte(int colourType, int channels)
    {
        const int width = 9, height = 7;
        var samples = new byte[width * height * channels * 2];
        new Random(colourType).NextBytes(samples);
        var decoded = ImageDecoder.Decode(PngWriter.Write(width, height, colourType, 16, samples));
        Assert.AreEqual(channels, decoded.Channels);
        var plane = width * height;
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < plane; i++) Assert.AreEqual(samples[2 * (i * channels + c)], decoded.Pixels[c * plane + i], $"channel {c}, pixel {i}");
        }
    }

    [TestMethod]
    public void BmpRoundTripIsExact()
    {
        var image = SyntheticImages.Shape(false, 3, 9, 11, 1);
        var decoded = ImageDecoder.Decode(ImageEncoder.Encode(image, EncodedImageFormat.Bmp));
        CollectionAssert.AreEqual(image.Pixels, decoded.Pixels);
    }

    [TestMethod]
    public void BmpIsUncompressedBottomUpWithPaddedRows()
    {
        var image = SyntheticImages.Shape(false, 3, 9, 11, 1);
        var bmp = ImageEncoder.Encode(image, EncodedImageFormat.Bmp);
        const int row = 36; // 11 pixels x 3 bytes, padded to a multiple of 4
        Assert.AreEqual(54 + 9 * row, bmp.Length);
        Assert.AreEqual(bmp.Length, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(2)), "The file size field.");
        Assert.AreEqual(24, BinaryPrimitives.ReadUInt16LittleEndian(bmp.AsSpan(28)));
        Assert.AreEqual(0, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(30)), "BI_RGB: uncompressed.");
        // The first row stored is the bottom one, as B, G, R; the padding is zero.
        var plane = 9 * 11;
        CollectionAssert.AreEqual(new[] { image.Pixels[2 * plane + 88], image.Pixels[plane + 88], image.Pixels[88] }, bmp.AsSpan(54, 3).ToArray());
        CollectionAssert.AreEqual(new byte[3], bmp.AsSpan(54 + 33, 3).ToArray());
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(4)]
    public void BmpStoresGrayAsEightBitsAndDropsAlpha(int channels)
    {
        var image = SyntheticImages.Shape(true, channels, 10, 7, 3);
        var bmp = ImageEncoder.Encode(image, EncodedImageFormat.Bmp);
        var gray = channels <= 2;
        Assert.AreEqual(gray ? 8 : 24, BinaryPrimitives.ReadUInt16LittleEndian(bmp.AsSpan(28)));
        Assert.AreEqual(gray ? 54 + 1024 + 10 * 8 : 54 + 10 * 24, bmp.Length, "Header, gray palette, and rows padded to 8 or 24 bytes.");
        var decoded = ImageDecoder.Decode(bmp);
        Assert.AreEqual(3, decoded.Channels, "A palette BMP decodes as colour.");
        for (var c = 0; c < 3; c++) CollectionAssert.AreEqual(image.Plane(gray ? 0 : c).ToArray(), decoded.Plane(c).ToArray());
    }

    [TestMethod]
    [DataRow(1, 1)]
    [DataRow(2, 1)]
    [DataRow(3, 3)]
    [DataRow(4, 3)]
    public void JpegRoundTripIsCloseAndDropsAlpha(int channels, int decodedChannels)
    {
        var image = SyntheticImages.Shape(true, channels, 32, 32, 1);
        var decoded = ImageDecoder.Decode(ImageEncoder.Encode(image, EncodedImageFormat.Jpeg, 95));
        Assert.AreEqual(decodedChannels, decoded.Channels, "Gray JPEGs are stored as gray; alpha is dropped.");
        var meanError = image.Pixels.AsSpan(0, decodedChannels * 32 * 32).ToArray().Zip(decoded.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.IsLessThan(6.0, meanError);
    }

    [TestMethod]
    [DataRow(1, 3)]
    [DataRow(2, 4)]
    [DataRow(3, 3)]
    [DataRow(4, 4)]
    public void WebpRoundTripIsExact(int channels, int decodedChannels)
    {
        var image = SyntheticImages.Shape(false, channels, 14, 19, 2);
        var decoded = ImageDecoder.Decode(ImageEncoder.Encode(image, EncodedImageFormat.Webp));
        Assert.AreEqual(decodedChannels, decoded.Channels, "WebP has no gray: gray is stored as RGB.");
        for (var c = 0; c < decodedChannels; c++)
        {
            var source = channels >= 3 ? c : c == 3 ? 1 : 0;
            CollectionAssert.AreEqual(image.Plane(source).ToArray(), decoded.Plane(c).ToArray(), $"channel {c}");
        }
    }

    [TestMethod]
    public void GifDecodesItsFirstFrame()
    {
        var image = SyntheticImages.Shape(true, 1, 20, 30, 0);
        var decoded = ImageDecoder.Decode(SyntheticImages.Gif(image));
        Assert.AreEqual(3, decoded.Channels, "A GIF is a palette image: colour, and opaque without a transparent entry.");
        for (var c = 0; c < 3; c++) CollectionAssert.AreEqual(image.Pixels, decoded.Plane(c).ToArray());

        var second = SyntheticImages.Shape(false, 1, 20, 30, 5);
        var animated = GifWriter.WriteFrames([image.Pixels, second.Pixels], 30, 20, GifWriter.GrayPalette());
        CollectionAssert.AreEqual(image.Pixels, ImageDecoder.Decode(animated).Plane(0).ToArray());
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
        StringAssert.Contains(error.Message, "truncated");
    }

    [TestMethod]
    public void TruncatedJpegIsRefusedRatherThanPartlyDecoded()
    {
        var encoded = ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 64, 64), EncodedImageFormat.Jpeg);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode(encoded.AsSpan(0, encoded.Length * 3 / 4)));
        StringAssert.Contains(error.Message, "JPEG");
        StringAssert.Contains(error.Message, "truncated");
    }

    [TestMethod]
    public void GarbageAndEmptyInputsAreInvalidData()
    {
        var garbage = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode("definitely not an image"u8));
        StringAssert.Contains(garbage.Message, "unknown format");
        StringAssert.Contains(garbage.Message, "23 bytes");
        var empty = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.ReadInfo(ReadOnlySpan<byte>.Empty));
        StringAssert.Contains(empty.Message, "empty");
        Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode(ReadOnlySpan<byte>.Empty));
    }

    [TestMethod]
    public void FormatsThatAreNotReadAreNamed()
    {
        var psd = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.ReadInfo("8BPS\0\u0001\0\0\0\0\0\0\0\u0003"u8));
        StringAssert.Contains(psd.Message, "PSD files are not supported");
        var pnm = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Decode("P5\n2 2\n255\n\0\0\0\0"u8));
        StringAssert.Contains(pnm.Message, "PNM");
    }

    [TestMethod]
    public void HeadersDeclaringHugeImagesAreRefused()
    {
        var wide = PngWriter.Write(20000, 1, PngWriter.Gray, 8, new byte[20000]);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.ReadInfo(wide));
        StringAssert.Contains(error.Message, "20000x1");
        StringAssert.Contains(error.Message, "16384");
    }

    [TestMethod]
    public void DecodeIntoRefusesSmallBuffersAndAnotherHeader()
    {
        var encoded = ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 7, 9), EncodedImageFormat.Png);
        var info = ImageDecoder.ReadInfo(encoded);
        Assert.AreEqual(new ImageInfo(9, 7, 3), info, "The size query needs no pixel buffer.");
        var small = new byte[9 * 7 * 3 - 1];
        var error = Assert.ThrowsExactly<ArgumentException>(() => ImageDecoder.DecodeInto(encoded, small, info));
        StringAssert.Contains(error.Message, "needs 189");
        Assert.IsTrue(small.All(b => b == 0), "Nothing is written into a buffer that is too small.");
        var other = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.DecodeInto(encoded, new byte[9 * 7 * 4], info with { Channels = 4 }));
        StringAssert.Contains(other.Message, "9x7x3");
        var exact = new byte[9 * 7 * 3 + 5];
        ImageDecoder.DecodeInto(encoded, exact, info);
        CollectionAssert.AreEqual(SyntheticImages.Shape(true, 3, 7, 9).Pixels, exact[..^5]);
        Assert.IsTrue(exact[^5..].All(b => b == 0), "Bytes past the image are left alone.");
    }

    [TestMethod]
    public void EncodedBytesAreExactlyTheFile()
    {
        var image = SyntheticImages.Shape(false, 3, 16, 16);
        var png = ImageEncoder.Encode(image, EncodedImageFormat.Png);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }, png[^12..], "A PNG ends with its IEND chunk.");
        var jpeg = ImageEncoder.Encode(image, EncodedImageFormat.Jpeg);
        CollectionAssert.AreEqual(new byte[] { 0xFF, 0xD9 }, jpeg[^2..], "A JPEG ends with its EOI marker.");
        var webp = ImageEncoder.Encode(image, EncodedImageFormat.Webp);
        Assert.AreEqual(webp.Length, 8 + BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(4)), "The RIFF size covers the file.");
        var bmp = ImageEncoder.Encode(image, EncodedImageFormat.Bmp);
        Assert.AreEqual(bmp.Length, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(2)));
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
        Assert.ThrowsExactly<ArgumentException>(() => ImageEncoder.Encode(image, EncodedImageFormat.Jpeg, 101));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageEncoder.Encode(image, (EncodedImageFormat)7));
        Assert.ThrowsExactly<ArgumentNullException>(() => ImageEncoder.Encode(null!, EncodedImageFormat.Png));
        var wide = new DecodedImage(new byte[16385], 1, 1, 16385);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ImageEncoder.Encode(wide, EncodedImageFormat.Png));
        StringAssert.Contains(error.Message, "16385x1");
        var webp = new DecodedImage(new byte[16384], 1, 1, 16384);
        Assert.ThrowsExactly<ArgumentException>(() => ImageEncoder.Encode(webp, EncodedImageFormat.Webp));
        Assert.HasCount(16384 + 54 + 1024, ImageEncoder.Encode(webp, EncodedImageFormat.Bmp));
    }

    [TestMethod]
    public void EncodeFileWritesTheEncodedBytes()
    {
        var image = SyntheticImages.Shape(true, 1, 8, 8);
        var path = Path.Combine(Path.GetTempPath(), "momentum-encode-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            ImageEncoder.EncodeFile(image, path, EncodedImageFormat.Png);
            CollectionAssert.AreEqual(ImageEncoder.Encode(image, EncodedImageFormat.Png), File.ReadAllBytes(path));
            CollectionAssert.AreEqual(image.Pixels, ImageDecoder.DecodeFile(path).Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void DecodingAndEncodingAreThreadSafe()
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
            var expected = SyntheticImages.Shape(i % 8 % 2 == 0, 3, 24, 24, i % 8);
            if (i % 5 == 1) CollectionAssert.AreEqual(encoded[i % 8], ImageEncoder.Encode(expected, EncodedImageFormat.Png));
            var decoded = ImageDecoder.Decode(encoded[i % 8]);
            CollectionAssert.AreEqual(expected.Pixels, decoded.Pixels);
        });
    }

    /// <summary>Gray + alpha as RGBA: the gray plane three times, then alpha.</summary>
    private static DecodedImage GrayAlphaAsRgba(DecodedImage image)
    {
        var plane = image.Height * image.Width;
        var pixels = new byte[4 * plane];
        for (var c = 0; c < 3; c++) image.Plane(0).CopyTo(pixels.AsSpan(c * plane));
        image.Plane(1).CopyTo(pixels.AsSpan(3 * plane));
        return new DecodedImage(pixels, 4, image.Height, image.Width);
    }
}
