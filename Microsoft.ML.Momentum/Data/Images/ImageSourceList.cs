namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// The images a load reads, by index: files, encoded bytes or decoded pixels. Every member is called from
/// many threads at once, for different indices.
/// </summary>
internal abstract class ImageSourceList
{
    public abstract int Count { get; }

    /// <summary>The class index of item <paramref name="index"/>.</summary>
    public abstract int Label(int index);

    /// <summary>Names item <paramref name="index"/> in messages and in <see cref="ImageLoadResult.Sources"/>.</summary>
    public abstract string Describe(int index);

    /// <summary>The header of item <paramref name="index"/>.</summary>
    /// <exception cref="InvalidDataException">Not a supported image.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public abstract ImageInfo ReadInfo(int index);

    /// <summary>Decodes item <paramref name="index"/> and writes it, converted and resized, into <paramref name="destination"/>.</summary>
    /// <returns>The item's own header (to count conversions).</returns>
    public abstract ImageInfo DecodeInto(int index, Span<byte> destination, int channels, ImageSize size, ImageResizer resizer);
}
