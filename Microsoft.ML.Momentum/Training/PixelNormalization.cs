namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Maps 8-bit pixels to network inputs: x = (p / 255 − Mean) / StdDev, with statistics computed on the
/// training set so that inputs are centred and scaled.
/// </summary>
/// <param name="Mean">Mean of p / 255 over the training pixels.</param>
/// <param name="StdDev">Standard deviation of p / 255 over the training pixels.</param>
public sealed record PixelNormalization(double Mean, double StdDev)
{
    /// <summary>Computes the statistics of <paramref name="pixels"/> in double precision.</summary>
    /// <param name="pixels">Training pixels.</param>
    public static PixelNormalization Fit(ReadOnlySpan<byte> pixels)
    {
        if (pixels.IsEmpty) throw new ArgumentException("No pixels to compute normalization statistics from.", nameof(pixels));
        Span<long> histogram = stackalloc long[256];
        foreach (var p in pixels) histogram[p]++;
        double sum = 0, sumSquares = 0;
        for (var v = 0; v < 256; v++)
        {
            var x = v / 255.0;
            sum += histogram[v] * x;
            sumSquares += histogram[v] * x * x;
        }
        var mean = sum / pixels.Length;
        var variance = Math.Max(sumSquares / pixels.Length - mean * mean, 0);
        return new PixelNormalization(mean, Math.Max(Math.Sqrt(variance), 1e-6));
    }

    /// <summary>Writes the normalized values of <paramref name="pixels"/> into <paramref name="destination"/>.</summary>
    /// <param name="pixels">Source bytes.</param>
    /// <param name="destination">Same length as <paramref name="pixels"/>.</param>
    public void Apply(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        Span<float> table = stackalloc float[256];
        for (var v = 0; v < 256; v++) table[v] = (float)((v / 255.0 - Mean) / StdDev);
        for (var i = 0; i < pixels.Length; i++) destination[i] = table[pixels[i]];
    }
}
