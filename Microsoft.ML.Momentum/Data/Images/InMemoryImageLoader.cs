namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Builds an image classification set from examples held in memory: encoded bytes (decoded by SkiaSharp, in
/// parallel) or decoded pixels, of any sizes and channel counts, brought to one shape as
/// <see cref="ImageLoadOptions"/> says. Example k keeps index k unless invalid ones are skipped.
/// </summary>
public static class InMemoryImageLoader
{
    /// <summary>Decodes encoded examples (PNG, JPEG, BMP, GIF, ...).</summary>
    /// <param name="examples">Labels and encoded bytes.</param>
    /// <param name="classNames">Class names by label.</param>
    /// <param name="options">Size, color mode, error handling; defaults when null.</param>
    /// <param name="cancellation">Stops the load.</param>
    /// <exception cref="InvalidDataException">An example is not a valid image (unless skipped); the message says which.</exception>
    public static ImageLoadResult FromEncoded(IEnumerable<EncodedImageExample> examples, IReadOnlyList<string> classNames,
        ImageLoadOptions? options = null, CancellationToken cancellation = default)
    {
        var list = Materialize(examples, classNames, e => e.Label);
        return Build(new EncodedMemorySourceList(list), classNames, options, cancellation);
    }

    /// <summary>Converts and resizes decoded examples.</summary>
    /// <param name="examples">Labels and planar pixels.</param>
    /// <param name="classNames">Class names by label.</param>
    /// <param name="options">Size and color mode; defaults when null.</param>
    /// <param name="cancellation">Stops the load.</param>
    public static ImageLoadResult FromPixels(IEnumerable<DecodedImageExample> examples, IReadOnlyList<string> classNames,
        ImageLoadOptions? options = null, CancellationToken cancellation = default)
    {
        var list = Materialize(examples, classNames, e => e.Label);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Image is null) throw new ArgumentException($"Example #{i} has no image.", nameof(examples));
        }
        return Build(new DecodedMemorySourceList(list), classNames, options, cancellation);
    }

    private static ImageLoadResult Build(ImageSourceList sources, IReadOnlyList<string> classNames, ImageLoadOptions? options, CancellationToken cancellation)
    {
        options ??= new ImageLoadOptions();
        options.Validate();
        return ImageSetBuilder.Build(sources, classNames, options, cancellation);
    }

    private static IReadOnlyList<T> Materialize<T>(IEnumerable<T> examples, IReadOnlyList<string> classNames, Func<T, int> label)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count == 0) throw new ArgumentException("At least one class name is needed.", nameof(classNames));
        var list = examples as IReadOnlyList<T> ?? examples.ToArray();
        if (list.Count == 0) throw new ArgumentException("There are no examples.", nameof(examples));
        for (var i = 0; i < list.Count; i++)
        {
            var value = label(list[i]);
            if (value < 0 || value >= classNames.Count) throw new ArgumentException($"Example #{i} has label {value}, outside [0, {classNames.Count}).", nameof(examples));
        }
        return list;
    }
}
