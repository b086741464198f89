using System.Globalization;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// Step times of several methods, one per timed round for each (index = round). A method's time is the median of
/// its rounds; its ratio to another method is the median of the per-round ratios, with the interquartile range, so
/// a slow stretch of the host (which hits both steps of a round) cancels instead of shifting one median.
/// </summary>
internal sealed class RoundTimes(IReadOnlyDictionary<string, List<double>> rounds)
{
    /// <summary>The methods timed.</summary>
    public IEnumerable<string> Names => rounds.Keys;

    /// <summary>The median ms/step of <paramref name="name"/>.</summary>
    public double Ms(string name) => Median(rounds[name]);

    /// <summary>Whether <paramref name="name"/> was timed.</summary>
    public bool Has(string? name) => name is not null && rounds.ContainsKey(name);

    /// <summary>The median and quartiles of time(<paramref name="name"/>) ÷ time(<paramref name="baseName"/>) over the rounds.</summary>
    public (double Median, double Lower, double Upper) Ratio(string name, string baseName)
    {
        var ratios = rounds[name].Zip(rounds[baseName], (a, b) => a / b).ToList();
        ratios.Sort();
        return (Quantile(ratios, 0.5), Quantile(ratios, 0.25), Quantile(ratios, 0.75));
    }

    /// <summary>"median [q1–q3]" of <see cref="Ratio"/>, or "—" without a base.</summary>
    public string FormatRatio(string name, string? baseName, bool withRange)
    {
        if (!Has(baseName)) return "—";
        var (median, lower, upper) = Ratio(name, baseName!);
        return withRange
            ? string.Create(CultureInfo.InvariantCulture, $"{median:F2} [{lower:F2}–{upper:F2}]")
            : median.ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>The median of <paramref name="values"/> (left in their order).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToList();
        sorted.Sort();
        return Quantile(sorted, 0.5);
    }

    /// <summary>The <paramref name="q"/>-quantile of sorted values, interpolated between neighbours.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
