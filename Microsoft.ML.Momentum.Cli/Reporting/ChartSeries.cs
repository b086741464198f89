namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>A line of a chart: (x, y) points in x order; non-finite points are dropped when drawn.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points, string Color)
{
    /// <summary>Drawn dashed (e.g. validation curves next to training curves).</summary>
    public bool Dashed { get; init; }

    /// <summary>A dot at every point (for sparse series such as per-epoch values).</summary>
    public bool Dots { get; init; }
}

/// <summary>A vertical line across a chart at <paramref name="X"/>, e.g. an AutoDrop learning-rate drop.</summary>
internal sealed record ChartMarker(double X, string Label);

/// <summary>Colours of the series (Tableau 10, readable on white and distinguishable).</summary>
internal static class ChartColors
{
    public static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string At(int index) => Palette[index % Palette.Length];
}
