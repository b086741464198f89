namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>How images are decoded and brought to one shape when a data set is loaded.</summary>
public class ImageLoadOptions
{
    /// <summary>
    /// The size every image is resized to (area averaging when shrinking, bilinear when enlarging). Null (the
    /// default) picks the most common size among the images; ties go to the size met first in load order.
    /// </summary>
    public ImageSize? ImageSize { get; set; }

    /// <summary>The channels images are converted to; <see cref="ImageColorMode.Auto"/> by default.</summary>
    public ImageColorMode ColorMode { get; set; } = ImageColorMode.Auto;

    /// <summary>
    /// False (the default): an invalid image stops the load with an <see cref="InvalidDataException"/> (or
    /// <see cref="IOException"/> when the file cannot be read) that names it and gives the decoder's reason.
    /// The image reported is the first invalid one in load order, whatever the thread timing. True: invalid images are left out and listed in
    /// <see cref="ImageLoadReport.Skipped"/>.
    /// </summary>
    public bool SkipInvalidImages { get; set; }

    /// <summary>Threads that decode in parallel; -1 (the default) uses all processors.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal virtual void Validate()
    {
        ImageSize?.Validate(nameof(ImageSize));
        if (!Enum.IsDefined(ColorMode)) throw new ArgumentOutOfRangeException(nameof(ColorMode), ColorMode, "Unknown color mode.");
        if (MaxDegreeOfParallelism is 0 or < -1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all processors) or a positive count.");
    }
}
