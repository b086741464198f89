namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// AutoDrop's drop decision (UAI-2024 Algorithm 1 with the typo resolutions of optimizers.md): ω values
/// enter a buffer; once it holds <c>minBuffer</c> values, the centre value is Gaussian-smoothed in the value
/// domain with σ = min(std(B), m/2) (kernel exp(−(Δω)²/2σ²)), the oldest value leaves, and a drop is
/// signalled when the smoothed value rose by less than the threshold (signed) since the previous smoothed
/// value. After a drop the buffer and the previous smoothed value are reset.
/// </summary>
internal sealed class SaturationDetector(int smoothingWidth, int minBuffer, double thresholdDegrees)
{
    private readonly List<double> _buffer = [];

    public double PreviousSmoothed { get; private set; } = double.NaN;

    public IReadOnlyList<double> Buffer => _buffer;

    /// <summary>Adds ω; returns true when the learning rate should drop now.</summary>
    public bool Observe(double omega)
    {
        _buffer.Add(omega);
        if (_buffer.Count < minBuffer) return false;
        var smoothed = Smooth(_buffer, smoothingWidth);
        _buffer.RemoveAt(0);
        if (!double.IsNaN(PreviousSmoothed) && smoothed - PreviousSmoothed < thresholdDegrees)
        {
            _buffer.Clear();
            PreviousSmoothed = double.NaN;
            return true;
        }
        PreviousSmoothed = smoothed;
        return false;
    }

    /// <summary>Value-domain Gaussian weighting of the buffer around its centre element.</summary>
    internal static double Smooth(IReadOnlyList<double> values, int smoothingWidth)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        var sigma = Math.Min(Math.Sqrt(variance), smoothingWidth / 2.0);
        var centre = values[values.Count / 2];
        if (!(sigma > 0)) return centre;
        double weighted = 0, total = 0;
        foreach (var v in values)
        {
            var w = Math.Exp(-(centre - v) * (centre - v) / (2 * sigma * sigma));
            weighted += w * v;
            total += w;
        }
        return weighted / total;
    }

    public void Restore(double[] buffer, double previousSmoothed)
    {
        _buffer.Clear();
        _buffer.AddRange(buffer);
        PreviousSmoothed = previousSmoothed;
    }
}
