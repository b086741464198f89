namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// One 8-bit image in memory, planar (channel-major): value (c, y, x) is at c·H·W + y·W + x, the layout of
/// <see cref="Datasets.LabeledImages"/>. Channels: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.
/// </summary>
public sealed class DecodedImage
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied) after checking that the sizes agree.</summary>
    /// <param name="pixels">Channels × height × width bytes, planar.</param>
    /// <param name="channels">1 to 4.</param>
    /// <param name="height">Rows, positive.</param>
    /// <param name="width">Columns, positive.</param>
    public DecodedImage(byte[] pixels, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has 1 to 4 channels.");
        new ImageSize(height, width).Validate(nameof(height));
        if ((long)channels * height * width != pixels.Length)
        {
            throw new ArgumentException($"A {channels}x{height}x{width} image needs {(long)channels * height * width} bytes; got {pixels.Length}.", nameof(pixels));
        }
        Pixels = pixels;
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>The pixels, planar.</summary>
    public byte[] Pixels { get; }

    /// <summary>Channel count (1 to 4).</summary>
    public int Channels { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>The size as (height, width).</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>One channel plane.</summary>
    /// <param name="channel">0-based channel index.</param>
    public ReadOnlySpan<byte> Plane(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        return Pixels.AsSpan(channel * Height * Width, Height * Width);
    }
}
