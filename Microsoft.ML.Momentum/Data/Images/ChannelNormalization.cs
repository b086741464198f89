using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Per-channel normalization of 8-bit pixels into network inputs: x = (p / 255 − Mean[c]) / StdDev[c], with
/// statistics computed on the training set (<see cref="Fit(LabeledImages)"/>) and reused for validation, test
/// and prediction. Statistics are exact (from per-channel histograms) and kept in double.
/// </summary>
public sealed record ChannelNormalization
{
    private const double MinimumStdDev = 1e-6;
    private readonly float[] _table;

    /// <summary>Creates the normalization from known statistics (e.g. read back from a saved model).</summary>
    /// <param name="mean">Mean of p / 255, per channel.</param>
    /// <param name="stdDev">Standard deviation of p / 255, per channel; positive.</param>
    [JsonConstructor]
    public ChannelNormalization(IReadOnlyList<double> mean, IReadOnlyList<double> stdDev)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(stdDev);
        if (mean.Count == 0 || mean.Count != stdDev.Count) throw new ArgumentException($"Mean ({mean.Count} values) and StdDev ({stdDev.Count}) need one value per channel.", nameof(stdDev));
        for (var c = 0; c < mean.Count; c++)
        {
            if (!double.IsFinite(mean[c])) throw new ArgumentException($"Mean of channel {c} is {mean[c]}.", nameof(mean));
            if (!double.IsFinite(stdDev[c]) || stdDev[c] <= 0) throw new ArgumentException($"StdDev of channel {c} is {stdDev[c]}; it must be positive.", nameof(stdDev));
        }
        Mean = mean.ToArray();
        StdDev = stdDev.ToArray();
        _table = new float[Mean.Count * 256];
        for (var c = 0; c < Mean.Count; c++)
        {
            for (var v = 0; v < 256; v++) _table[c * 256 + v] = (float)((v / 255.0 - Mean[c]) / StdDev[c]);
        }
    }

    /// <summary>Mean of p / 255, per channel.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Standard deviation of p / 255, per channel.</summary>
    public IReadOnlyList<double> StdDev { get; }

    /// <summary>Number of channels.</summary>
    [JsonIgnore]
    public int Channels => Mean.Count;

    /// <summary>Maps p to p / 255 only (mean 0, deviation 1) on <paramref name="channels"/> channels.</summary>
    /// <param name="channels">Channel count.</param>
    public static ChannelNormalization ScaleOnly(int channels) =>
        new(Enumerable.Repeat(0.0, channels).ToArray(), Enumerable.Repeat(1.0, channels).ToArray());

    /// <summary>Computes the per-channel statistics of every image of <paramref name="images"/>.</summary>
    /// <param name="images">The training set.</param>
    public static ChannelNormalization Fit(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return FitCore(images, null);
    }

    /// <summary>Computes the per-channel statistics of the images at <paramref name="indices"/> (e.g. the training part of a validation split).</summary>
    /// <param name="images">The images.</param>
    /// <param name="indices">Indices of the training images.</param>
    public static ChannelNormalization Fit(LabeledImages images, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(indices);
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)images.Count) throw new ArgumentOutOfRangeException(nameof(indices), index, $"Index outside [0, {images.Count}).");
        }
        return FitCore(images, indices);
    }

    private static ChannelNormalization FitCore(LabeledImages images, IReadOnlyList<int>? indices)
    {
        var count = indices?.Count ?? images.Count;
        if (count == 0) throw new ArgumentException("No images to compute normalization statistics from.", nameof(images));
        int channels = images.Channels, plane = images.Height * images.Width;
        var histogram = new long[channels * 256];
        var gate = new object();
        Parallel.For(0, count, () => new long[channels * 256], (i, _, local) =>
        {
            var image = images.Pixels.AsSpan((indices?[i] ?? i) * images.ImageLength, images.ImageLength);
            for (var c = 0; c < channels; c++)
            {
                var bins = local.AsSpan(c * 256, 256);
                foreach (var p in image.Slice(c * plane, plane)) bins[p]++;
            }
            return local;
        }, local =>
        {
            lock (gate)
            {
                for (var k = 0; k < local.Length; k++) histogram[k] += local[k];
            }
        });
        var mean = new double[channels];
        var stdDev = new double[channels];
        var n = (double)count * plane;
        for (var c = 0; c < channels; c++)
        {
            double sum = 0, sumSquares = 0;
            for (var v = 0; v < 256; v++)
            {
                var x = v / 255.0;
                sum += histogram[c * 256 + v] * x;
                sumSquares += histogram[c * 256 + v] * x * x;
            }
            mean[c] = sum / n;
            stdDev[c] = Math.Max(Math.Sqrt(Math.Max(sumSquares / n - mean[c] * mean[c], 0)), MinimumStdDev);
        }
        return new ChannelNormalization(mean, stdDev);
    }

    /// <summary>Writes the normalized values of one planar image into <paramref name="destination"/>.</summary>
    /// <param name="image">Channels × height × width bytes.</param>
    /// <param name="destination">As many floats.</param>
    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<byte> image, Span<float> destination)
    {
        if (image.Length % Channels != 0) throw new ArgumentException($"{image.Length} bytes are not {Channels} equal planes.", nameof(image));
        if (destination.Length < image.Length) throw new ArgumentException($"The destination needs {image.Length} floats.", nameof(destination));
        var plane = image.Length / Channels;
        for (var c = 0; c < Channels; c++)
        {
            var table = ChannelTable(c);
            var source = image.Slice(c * plane, plane);
            var target = destination.Slice(c * plane, plane);
            for (var i = 0; i < source.Length; i++) target[i] = table[source[i]];
        }
    }

    /// <summary>The 256 normalized values of channel <paramref name="channel"/>, by pixel value.</summary>
    internal ReadOnlySpan<float> ChannelTable(int channel) => _table.AsSpan(channel * 256, 256);

    /// <summary>Equal when the statistics are equal.</summary>
    /// <param name="other">The other normalization.</param>
    public bool Equals(ChannelNormalization? other) =>
        other is not null && Mean.SequenceEqual(other.Mean) && StdDev.SequenceEqual(other.StdDev);

    /// <summary>A hash of the statistics.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var m in Mean) hash.Add(m);
        foreach (var s in StdDev) hash.Add(s);
        return hash.ToHashCode();
    }

    /// <summary>"mean [..], std [..]", for logs.</summary>
    public override string ToString() =>
        $"mean [{string.Join(", ", Mean.Select(m => m.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}], " +
        $"std [{string.Join(", ", StdDev.Select(s => s.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]";
}
