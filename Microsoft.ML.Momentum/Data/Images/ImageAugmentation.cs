namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Random augmentation of training images, applied while a batch is filled: a random crop of the image
/// padded by <see cref="CropPadding"/> black pixels on each side (the crop has the original size), then a
/// horizontal flip with probability 1/2 when <see cref="HorizontalFlip"/> is set. The random draws of an
/// example depend only on (seed, epoch, position in the epoch), so batches are reproducible whatever the
/// timing. Apply it to training batches only.
/// </summary>
/// <param name="CropPadding">Pixels of zero padding on each side before cropping back to size; 0 disables the crop.</param>
/// <param name="HorizontalFlip">Mirror left-right with probability 0.5.</param>
public sealed record ImageAugmentation(int CropPadding = 0, bool HorizontalFlip = false)
{
    /// <summary>The usual small-image recipe: crop with 4 pixels of padding and random horizontal flips.</summary>
    public static ImageAugmentation CropAndFlip { get; } = new(4, true);

    /// <summary>True when the augmentation changes anything.</summary>
    public bool IsActive => CropPadding > 0 || HorizontalFlip;

    internal void Validate(int height, int width)
    {
        if (CropPadding < 0) throw new ArgumentOutOfRangeException(nameof(CropPadding), CropPadding, "Crop padding must not be negative.");
        if (CropPadding >= Math.Max(height, width))
        {
            throw new ArgumentOutOfRangeException(nameof(CropPadding), CropPadding, $"Crop padding must be smaller than the {height}x{width} image.");
        }
    }
}
