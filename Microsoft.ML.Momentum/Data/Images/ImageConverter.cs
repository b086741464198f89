using System.Buffers;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Brings an image to a model's input shape: channel conversion (gray ↔ RGB, BT.601 luma, alpha dropped)
/// and resizing (area averaging when shrinking, bilinear when enlarging). Deterministic and thread-safe.
/// </summary>
public static class ImageConverter
{
    /// <summary>Returns <paramref name="image"/> converted to <paramref name="channels"/> (1 or 3) and resized to <paramref name="size"/>.</summary>
    /// <param name="image">The source image (any of 1 to 4 channels).</param>
    /// <param name="channels">1 (gray) or 3 (RGB).</param>
    /// <param name="size">The target size.</param>
    public static DecodedImage Convert(DecodedImage image, int channels, ImageSize size)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = new byte[checked(channels * size.Area)];
        ConvertInto(image.Pixels, image.Channels, image.Size, pixels, channels, size);
        return new DecodedImage(pixels, channels, size.Height, size.Width);
    }

    /// <summary>Writes the converted, resized image into <paramref name="destination"/> (channels × area bytes, planar).</summary>
    /// <param name="source">Planar source pixels.</param>
    /// <param name="sourceChannels">1 to 4.</param>
    /// <param name="sourceSize">Source size.</param>
    /// <param name="destination">Target buffer.</param>
    /// <param name="channels">1 (gray) or 3 (RGB).</param>
    /// <param name="size">The target size.</param>
    public static void ConvertInto(ReadOnlySpan<byte> source, int sourceChannels, ImageSize sourceSize, Span<byte> destination, int channels, ImageSize size) =>
        ConvertInto(source, sourceChannels, sourceSize, destination, channels, size, ImageResizer.Shared);

    internal static void ConvertInto(ReadOnlySpan<byte> source, int sourceChannels, ImageSize sourceSize, Span<byte> destination, int channels, ImageSize size, ImageResizer resizer)
    {
        if (sourceChannels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(sourceChannels), sourceChannels, "An image has 1 to 4 channels.");
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images are converted to 1 (gray) or 3 (RGB) channels.");
        sourceSize.Validate(nameof(sourceSize));
        size.Validate(nameof(size));
        var sourceArea = sourceSize.Area;
        if (source.Length < sourceChannels * sourceArea) throw new ArgumentException($"A {sourceChannels}x{sourceSize} image needs {sourceChannels * sourceArea} bytes; got {source.Length}.", nameof(source));
        var area = size.Area;
        if (destination.Length < channels * area) throw new ArgumentException($"A {channels}x{size} image needs {channels * area} bytes; got {destination.Length}.", nameof(destination));

        if (sourceSize == size)
        {
            ChannelConversion.Convert(source, sourceChannels, area, destination, channels);
            return;
        }
        var gray = ChannelConversion.IsGray(sourceChannels);
        if (channels == 3 && !gray)
        {
            for (var c = 0; c < 3; c++) resizer.ResizePlane(source.Slice(c * sourceArea, sourceArea), sourceSize, destination.Slice(c * area, area), size);
            return;
        }
        // One plane to resize: the gray plane as it is, or the luma of a colour image computed before resizing.
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> plane = source[..sourceArea];
            if (!gray)
            {
                rented = ArrayPool<byte>.Shared.Rent(sourceArea);
                ChannelConversion.Luma(source, sourceArea, rented);
                plane = rented.AsSpan(0, sourceArea);
            }
            resizer.ResizePlane(plane, sourceSize, destination[..area], size);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        if (channels == 3)
        {
            destination[..area].CopyTo(destination.Slice(area, area));
            destination[..area].CopyTo(destination.Slice(2 * area, area));
        }
    }
}
