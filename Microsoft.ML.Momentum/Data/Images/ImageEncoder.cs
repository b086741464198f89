using System.Buffers;
using SkiaSharp;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Encodes planar 8-bit images as PNG, JPEG or WebP through SkiaSharp's encoders, or as uncompressed BMP.
/// Thread-safe.
/// </summary>
/// <remarks>
/// What each format stores of 1 (gray), 2 (gray + alpha), 3 (RGB) and 4 (RGBA) channels:
/// PNG: gray, RGBA (gray replicated), RGB, RGBA — SkiaSharp writes no gray + alpha PNG, so such an image
/// decodes back as 4 channels. JPEG: gray, gray, YCbCr, YCbCr — alpha dropped; chroma is subsampled 4:2:0 up
/// to quality 90 and kept whole (4:4:4) above. BMP: 8-bit gray, 8-bit gray, 24-bit, 24-bit — alpha dropped.
/// WebP (lossless): RGB, RGBA, RGB, RGBA. PNG and BMP keep the pixels exactly; WebP too, except the colour of
/// fully transparent pixels, which its encoder may change.
/// </remarks>
public static class ImageEncoder
{
    /// <summary>The largest width or height written, as <see cref="ImageDecoder"/> reads.</summary>
    private const int MaxSide = ImageDecoder.MaxSide;

    /// <summary>WebP cannot store a side longer than this.</summary>
    private const int MaxWebpSide = 16383;

    /// <summary>Encodes <paramref name="image"/> in <paramref name="format"/>.</summary>
    /// <param name="image">The pixels (planar).</param>
    /// <param name="format">The file format.</param>
    /// <param name="jpegQuality">JPEG quality in [1, 100]; ignored by other formats.</param>
    /// <returns>The encoded file contents.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">The quality is outside [1, 100] for JPEG, or a side is longer than the format or the decoder allows (16384; 16383 for WebP).</exception>
    /// <exception cref="InvalidOperationException">SkiaSharp's encoder failed.</exception>
    public static byte[] Encode(DecodedImage image, EncodedImageFormat format, int jpegQuality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format.");
        if (format == EncodedImageFormat.Jpeg && jpegQuality is < 1 or > 100)
        {
            throw new ArgumentException($"JPEG quality {jpegQuality} is outside [1, 100].", nameof(jpegQuality));
        }
        var maxSide = format == EncodedImageFormat.Webp ? MaxWebpSide : MaxSide;
        if (image.Width > maxSide || image.Height > maxSide)
        {
            throw new ArgumentException($"Cannot encode a {image.Width}x{image.Height} image as {format}; each side must be in [1, {maxSide}].", nameof(image));
        }
        return format == EncodedImageFormat.Bmp ? BmpWriter.Write(image) : EncodeWithSkia(image, format, jpegQuality);
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

    private static unsafe byte[] EncodeWithSkia(DecodedImage image, EncodedImageFormat format, int jpegQuality)
    {
        int width = image.Width, height = image.Height, plane = width * height;
        // Gray stays one byte per pixel where the format stores gray; everything else goes through RGBA.
        var gray = format switch
        {
            EncodedImageFormat.Jpeg => image.Channels <= 2,
            EncodedImageFormat.Png => image.Channels == 1,
            _ => false,
        };
        var alpha = format != EncodedImageFormat.Jpeg && image.Channels is 2 or 4;
        var bytesPerPixel = gray ? 1 : 4;
        // No colour space: the values are written as they are, with no profile attached.
        var info = new SKImageInfo(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, alpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var buffer = ArrayPool<byte>.Shared.Rent(plane * bytesPerPixel);
        try
        {
            var interleaved = buffer.AsSpan(0, plane * bytesPerPixel);
            if (gray) image.Plane(0).CopyTo(interleaved);
            else Interleave(image, interleaved, alpha);
            fixed (byte* pixels = buffer)
            {
                using var pixmap = new SKPixmap(info, (IntPtr)pixels, width * bytesPerPixel);
                using var data = format switch
                {
                    EncodedImageFormat.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
                    EncodedImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(jpegQuality,
                        jpegQuality > 90 ? SKJpegEncoderDownsample.Downsample444 : SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
                    _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75)),
                };
                if (data is null) throw new InvalidOperationException($"SkiaSharp could not encode a {width}x{height}x{image.Channels} image as {format}.");
                return data.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Planar 1 to 4 channels to RGBA (HWC): gray is replicated, a missing or dropped alpha is 255.</summary>
    private static void Interleave(DecodedImage image, Span<byte> rgba, bool alpha)
    {
        var plane = image.Width * image.Height;
        var colour = image.Channels >= 3;
        var red = image.Plane(0);
        var green = colour ? image.Plane(1) : red;
        var blue = colour ? image.Plane(2) : red;
        var opacity = alpha ? image.Plane(image.Channels - 1) : default;
        for (var i = 0; i < plane; i++)
        {
            rgba[4 * i] = red[i];
            rgba[4 * i + 1] = green[i];
            rgba[4 * i + 2] = blue[i];
            rgba[4 * i + 3] = alpha ? opacity[i] : (byte)255;
        }
    }
}
