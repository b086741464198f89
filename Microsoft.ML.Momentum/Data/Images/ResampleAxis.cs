namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Precomputed filter taps that map one image axis of <see cref="SourceLength"/> pixels onto
/// <see cref="TargetLength"/> pixels. Shrinking uses area averaging (each output pixel is the exact
/// coverage-weighted mean of the source pixels under it, no aliasing); enlarging uses bilinear interpolation
/// with pixel centres aligned (half-pixel offsets, edges clamped), as PIL and torch's
/// <c>align_corners=false</c> do. Weights are computed in double and stored as float, so results do not
/// depend on timing or threads.
/// </summary>
internal sealed class ResampleAxis
{
    public ResampleAxis(int sourceLength, int targetLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetLength, 1);
        SourceLength = sourceLength;
        TargetLength = targetLength;
        var scale = (double)sourceLength / targetLength;
        MaxTaps = scale > 1 ? (int)Math.Ceiling(scale) + 1 : 2;
        Start = new int[targetLength];
        Taps = new int[targetLength];
        Weights = new float[targetLength * MaxTaps];
        for (var o = 0; o < targetLength; o++)
        {
            if (scale > 1) Area(o, scale);
            else Bilinear(o, scale);
        }
    }

    public int SourceLength { get; }

    public int TargetLength { get; }

    /// <summary>Taps reserved per output pixel in <see cref="Weights"/>.</summary>
    public int MaxTaps { get; }

    /// <summary>First source index of each output pixel.</summary>
    public int[] Start { get; }

    /// <summary>Number of source pixels (from <see cref="Start"/>) each output pixel reads.</summary>
    public int[] Taps { get; }

    /// <summary>Weights, <see cref="MaxTaps"/> per output pixel; each output's weights sum to 1.</summary>
    public float[] Weights { get; }

    private void Area(int o, double scale)
    {
        var from = o * scale;
        var to = Math.Min((o + 1) * scale, SourceLength);
        var first = (int)Math.Floor(from);
        var last = Math.Min((int)Math.Ceiling(to) - 1, SourceLength - 1);
        var taps = 0;
        for (var i = first; i <= last; i++)
        {
            var overlap = Math.Min(i + 1, to) - Math.Max(i, from);
            if (overlap <= 0) continue;
            if (taps == 0) Start[o] = i;
            Weights[o * MaxTaps + taps++] = (float)(overlap / scale);
        }
        Taps[o] = taps;
    }

    private void Bilinear(int o, double scale)
    {
        var x = Math.Clamp((o + 0.5) * scale - 0.5, 0, SourceLength - 1);
        var i0 = (int)Math.Floor(x);
        var fraction = x - i0;
        Start[o] = i0;
        if (fraction == 0 || i0 + 1 >= SourceLength)
        {
            Taps[o] = 1;
            Weights[o * MaxTaps] = 1f;
            return;
        }
        Taps[o] = 2;
        Weights[o * MaxTaps] = (float)(1 - fraction);
        Weights[o * MaxTaps + 1] = (float)fraction;
    }
}
