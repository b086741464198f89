using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>The size-query contracts of the native image ABI (momentum_native_image.h).</summary>
[TestClass]
public sealed unsafe class NativeImageAbiTests
{
    [TestMethod]
    public void DecodeWithoutDestinationIsASizeQueryAndSmallBuffersAreRefused()
    {
        var encoded = ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 7, 9), EncodedImageFormat.Png);
        fixed (byte* data = encoded)
        {
            Assert.AreEqual(0, NativeMethods.ImageDecode(data, encoded.Length, null, 0, out var width, out var height, out var channels));
            Assert.AreEqual((9, 7, 3), (width, height, channels));
            var small = new byte[9 * 7 * 3 - 1];
            fixed (byte* destination = small)
            {
                Assert.AreEqual((int)NativeStatus.InvalidArgument, NativeMethods.ImageDecode(data, encoded.Length, destination, small.Length, out _, out _, out _));
            }
            var status = NativeMethods.ImageDecode(data, encoded.Length, null, 5, out _, out _, out _);
            var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageDecoder.Check(status, "decoding"));
            StringAssert.Contains(error.Message, "destination must not be null");
        }
    }

    [TestMethod]
    public void EncodeReportsTheSizeNeededWhenTheBufferIsTooSmall()
    {
        var image = SyntheticImages.Shape(false, 1, 16, 16);
        fixed (byte* pixels = image.Pixels)
        {
            Assert.AreEqual(0, NativeMethods.ImageEncode(pixels, 16, 16, 1, NativeMethods.ImageFormatPng, 0, null, 0, out var length));
            Assert.IsGreaterThan(8L, length);
            var tooSmall = new byte[length - 1];
            fixed (byte* destination = tooSmall)
            {
                Assert.AreEqual(0, NativeMethods.ImageEncode(pixels, 16, 16, 1, NativeMethods.ImageFormatPng, 0, destination, tooSmall.Length, out var again));
                Assert.AreEqual(length, again);
                Assert.IsTrue(tooSmall.All(b => b == 0), "Nothing is written into a buffer that is too small.");
            }
            Assert.AreEqual((int)NativeStatus.InvalidArgument, NativeMethods.ImageEncode(pixels, 0, 16, 1, NativeMethods.ImageFormatPng, 0, null, 0, out _));
        }
    }
}
