namespace Microsoft.ML.Momentum.Data.Datasets;

/// <summary>
/// Same-sized images with class labels, held in memory as bytes: <see cref="Pixels"/> holds
/// Count × Channels × Height × Width values, row-major.
/// </summary>
public sealed class LabeledImages
{
    /// <summary>Creates the set after checking that the sizes agree.</summary>
    /// <param name="pixels">Count × channels × height × width bytes.</param>
    /// <param name="labels">One class index per image.</param>
    /// <param name="channels">Channels per image.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="classNames">Class names by index.</param>
    public LabeledImages(byte[] pixels, int[] labels, int channels, int height, int width, IReadOnlyList<string> classNames)
    {
        if ((long)labels.Length * channels * height * width != pixels.Length)
        {
            throw new ArgumentException($"{labels.Length} labels of {channels}x{height}x{width} images need {(long)labels.Length * channels * height * width} pixels; got {pixels.Length}.");
        }
        foreach (var label in labels)
        {
            if (label < 0 || label >= classNames.Count) throw new ArgumentException($"Label {label} is outside [0, {classNames.Count}).");
        }
        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>The pixels, Count × Channels × Height × Width bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Class index of each image.</summary>
    public int[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Channels per image.</summary>
    public int Channels { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Values per image.</summary>
    public int ImageLength => Channels * Height * Width;

    /// <summary>Class names by index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The first <paramref name="count"/> images (or fewer when the set is smaller).</summary>
    /// <param name="count">How many to keep.</param>
    public LabeledImages Take(int count)
    {
        count = Math.Min(count, Count);
        return new LabeledImages(Pixels.AsSpan(0, count * ImageLength).ToArray(), Labels[..count], Channels, Height, Width, ClassNames);
    }

    /// <summary>The images at <paramref name="indices"/>, in that order (copied).</summary>
    /// <param name="indices">Indices in [0, <see cref="Count"/>); repeats allowed.</param>
    public LabeledImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var pixels = new byte[(long)indices.Count * ImageLength];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Pixels.AsSpan(indices[i] * ImageLength, ImageLength).CopyTo(pixels.AsSpan(i * ImageLength, ImageLength));
            labels[i] = Labels[indices[i]];
        }
        return new LabeledImages(pixels, labels, Channels, Height, Width, ClassNames);
    }
}
