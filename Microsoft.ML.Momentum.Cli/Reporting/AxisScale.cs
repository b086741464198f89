namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>Maps data values to pixels along one axis (linear or log10) and picks round tick values.</summary>
internal sealed class AxisScale
{
    private readonly double _low, _high;
    private readonly double _pixelLow, _pixelHigh;

    public AxisScale(double min, double max, double pixelLow, double pixelHigh, bool log)
    {
        Log = log;
        if (log)
        {
            min = Math.Log10(min);
            max = Math.Log10(max);
        }
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        if (log)
        {
            _low = Math.Floor(min);
            _high = Math.Ceiling(max);
        }
        else
        {
            var step = NiceStep((max - min) / 5);
            _low = Math.Floor(min / step) * step;
            _high = Math.Ceiling(max / step) * step;
        }
        _pixelLow = pixelLow;
        _pixelHigh = pixelHigh;
    }

    public bool Log { get; }

    /// <summary>The pixel coordinate of <paramref name="value"/>.</summary>
    public double Map(double value)
    {
        var v = Log ? Math.Log10(value) : value;
        return _pixelLow + (v - _low) / (_high - _low) * (_pixelHigh - _pixelLow);
    }

    /// <summary>Tick values (data units) from the low to the high end of the axis.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        if (Log)
        {
            var decades = (int)(_high - _low);
            var stride = Math.Max(1, decades / 6);
            for (var e = _low; e <= _high + 1e-9; e += stride) ticks.Add(Math.Pow(10, e));
            return ticks;
        }
        var step = NiceStep((_high - _low) / 5);
        for (var v = _low; v <= _high + step * 1e-6; v += step) ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        return ticks;
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * power >= rough) return m * power;
        }
        return 10 * power;
    }
}
