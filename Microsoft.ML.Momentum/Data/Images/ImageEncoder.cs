using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Encodes 8-bit images as PNG, JPEG or BMP natively (stb_image_write). Thread-safe.</summary>
public static unsafe class ImageEncoder
{
    /// <summary>Encodes <paramref name="image"/> in <paramref name="format"/>.</summary>
    /// <param name="image">The pixels (planar).</param>
    /// <param name="format">The file format.</param>
    /// <param name="jpegQuality">JPEG quality in [1, 100]; ignored by other formats.</param>
    /// <returns>The encoded file contents.</returns>
    public static byte[] Encode(DecodedImage image, EncodedImageFormat format, int jpegQuality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format.");
        // A guess that fits almost every image, so that one native call usually suffices; otherwise the call
        // reports the size needed and is repeated.
        var buffer = new byte[image.Pixels.Length + image.Pixels.Length / 2 + 1024];
        fixed (byte* pixels = image.Pixels)
        {
            var length = EncodeInto(pixels, image, format, jpegQuality, buffer);
            if (length > buffer.Length)
            {
                buffer = new byte[length];
                length = EncodeInto(pixels, image, format, jpegQuality, buffer);
            }
            return buffer.AsSpan(0, checked((int)length)).ToArray();
        }
    }

    private static long EncodeInto(byte* pixels, DecodedImage image, EncodedImageFormat format, int quality, byte[] buffer)
    {
        fixed (byte* destination = buffer)
        {
            NativeError.Check(NativeMethods.ImageEncode(pixels, image.Width, image.Height, image.Channels, (int)format, quality, destination, buffer.Length, out var length),
                $"encoding a {image.Width}x{image.Height}x{image.Channels} image as {format}");
            return length;
        }
    }

    /// <summary>Encodes <paramref name="image"/> and writes it to <paramref name="path"/>.</summary>
    /// <param name="image">The pixels (planar).</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="format">The file format.</param>
    /// <param name="jpegQuality">JPEG quality in [1, 100]; ignored by other formats.</param>
    public static void EncodeFile(DecodedImage image, string path, EncodedImageFormat format, int jpegQuality = 90)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(image, format, jpegQuality));
    }
}
