using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Brings a whole <see cref="LabeledImages"/> set to another shape (e.g. Fashion-MNIST's 28×28 gray to a model's 32×32 RGB).</summary>
public static class LabeledImagesConversion
{
    /// <summary>
    /// Returns the set converted to <paramref name="channels"/> (1 or 3) and resized to <paramref name="size"/>
    /// (area averaging when shrinking, bilinear when enlarging), in parallel; the set itself when it already has that shape.
    /// </summary>
    /// <param name="images">The source set.</param>
    /// <param name="channels">1 (gray) or 3 (RGB).</param>
    /// <param name="size">The target size.</param>
    public static LabeledImages ConvertTo(this LabeledImages images, int channels, ImageSize size)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images are converted to 1 (gray) or 3 (RGB) channels.");
        size.Validate(nameof(size));
        var from = new ImageSize(images.Height, images.Width);
        if (images.Channels == channels && from == size) return images;
        var length = channels * size.Area;
        var pixels = new byte[checked(images.Count * length)];
        Parallel.For(0, images.Count, i => ImageConverter.ConvertInto(
            images.Pixels.AsSpan(i * images.ImageLength, images.ImageLength), images.Channels, from,
            pixels.AsSpan(i * length, length), channels, size, ImageResizer.Shared));
        return new LabeledImages(pixels, (int[])images.Labels.Clone(), channels, size.Height, size.Width, images.ClassNames);
    }
}
