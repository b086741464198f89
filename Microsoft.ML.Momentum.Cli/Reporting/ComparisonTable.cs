using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>The comparison as a console table: one row per optimizer (mean ± standard deviation over its seeds).</summary>
internal static class ComparisonTable
{
    public static string Format(IReadOnlyList<RunMetrics> runs)
    {
        var groups = ComparisonReport.Group(runs);
        var finalSplit = runs.Select(r => r.Final?.Split).FirstOrDefault(s => s is not null) ?? "validation";
        string[] header = ["optimizer", "runs", $"{finalSplit} accuracy", "best val. accuracy", "final train loss", "time (s)"];
        var rows = groups.Select(g =>
        {
            var (accuracy, std) = ComparisonReport.MeanStd(g.Runs.Select(r => r.Final?.Accuracy ?? r.Epochs.LastOrDefault()?.ValidationAccuracy));
            return new[]
            {
                g.Label,
                g.Runs.Count.ToString(CultureInfo.InvariantCulture),
                MetricsTables.P(accuracy) + (std is { } s ? " ± " + MetricsTables.P(s) : ""),
                MetricsTables.P(ComparisonReport.MeanStd(g.Runs.Select(r => r.Epochs.Select(e => e.ValidationAccuracy).Max())).Mean),
                MetricsTables.N(ComparisonReport.MeanStd(g.Runs.Select(r => r.Epochs.LastOrDefault()?.TrainLoss)).Mean),
                (ComparisonReport.MeanStd(g.Runs.Select(r => r.Seconds)).Mean ?? 0).ToString("F1", CultureInfo.InvariantCulture),
            };
        }).ToArray();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendJoin("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).Append('\n');
        Line(header);
        foreach (var row in rows) Line(row);
        return text.ToString();
    }
}
