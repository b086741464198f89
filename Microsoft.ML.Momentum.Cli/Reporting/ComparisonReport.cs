using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// The report of <c>momentum compare</c>: one row per optimizer (mean ± standard deviation over its seeds) and
/// overlaid per-epoch curves (the mean over seeds) of validation accuracy, training loss and learning rate.
/// </summary>
internal static class ComparisonReport
{
    public const string ValidationAccuracyChart = "chart-compare-validation-accuracy";
    public const string TrainLossChart = "chart-compare-train-loss";
    public const string LearningRateChart = "chart-compare-learning-rate";

    /// <summary>Runs grouped by label (the optimizer), in first-seen order.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<RunMetrics> Runs)> Group(IEnumerable<RunMetrics> runs)
        => runs.GroupBy(r => r.OptimizerName ?? r.Title).Select(g => (g.Key, (IReadOnlyList<RunMetrics>)g.ToArray())).ToArray();

    public static string Render(string title, IReadOnlyList<RunMetrics> runs) => HtmlPage.Build("momentum comparison: " + title, html =>
    {
        var groups = Group(runs);
        html.Append($"<h1>{HtmlPage.Esc(title)}</h1><p class=\"meta\">{groups.Count} optimizer(s), {runs.Count} run(s)</p>");
        html.Append("<h2>Results</h2>");
        AppendTable(html, groups);
        html.Append("<h2>Curves (mean over seeds)</h2><div class=\"charts\">");
        foreach (var chart in Charts(groups)) html.Append("<figure>").Append(chart.ToSvg()).Append("</figure>");
        html.Append("</div>");
    });

    public static IReadOnlyList<LineChart> Charts(IReadOnlyList<(string Label, IReadOnlyList<RunMetrics> Runs)> groups)
    {
        var accuracy = new LineChart(ValidationAccuracyChart, "Validation accuracy", "epoch", "accuracy");
        var loss = new LineChart(TrainLossChart, "Training loss (epoch mean)", "epoch", "loss");
        var rate = new LineChart(LearningRateChart, "Learning rate (end of epoch)", "epoch", "learning rate") { LogYAboveRatio = 50 };
        for (var i = 0; i < groups.Count; i++)
        {
            var (label, runs) = groups[i];
            accuracy.Series.Add(new ChartSeries(label, MeanByEpoch(runs, e => e.ValidationAccuracy), ChartColors.At(i)) { Dots = true });
            loss.Series.Add(new ChartSeries(label, MeanByEpoch(runs, e => e.TrainLoss), ChartColors.At(i)) { Dots = true });
            rate.Series.Add(new ChartSeries(label, MeanByEpoch(runs, e => e.LearningRate), ChartColors.At(i)));
        }
        return [accuracy, loss, rate];
    }

    public static void Write(string path, string title, IReadOnlyList<RunMetrics> runs) => FileOutput.WriteAllText(path, Render(title, runs));

    /// <summary>The comparison table as CSV (one row per optimizer).</summary>
    public static string Csv(IReadOnlyList<RunMetrics> runs)
    {
        var text = new StringBuilder("optimizer,runs,finalAccuracyMean,finalAccuracyStd,bestValidationAccuracyMean,finalTrainLossMean,secondsMean\n");
        foreach (var (label, group) in Group(runs))
        {
            var (accuracy, std) = MeanStd(group.Select(FinalAccuracy));
            text.Append(CultureInfo.InvariantCulture,
                $"{label},{group.Count},{R(accuracy)},{R(std)},{R(MeanStd(group.Select(BestValidation)).Mean)},{R(MeanStd(group.Select(FinalTrainLoss)).Mean)},{R(MeanStd(group.Select(r => r.Seconds)).Mean)}\n");
        }
        return text.ToString();
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<(string Label, IReadOnlyList<RunMetrics> Runs)> groups)
    {
        html.Append("<table id=\"comparison\"><tr><th class=\"name\">optimizer</th><th>runs</th><th>final accuracy</th><th>best val. accuracy</th><th>final train loss</th><th>time (s)</th></tr>");
        foreach (var (label, runs) in groups)
        {
            var (accuracy, std) = MeanStd(runs.Select(FinalAccuracy));
            var seeds = string.Join(", ", runs.Select(r => r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            html.Append($"<tr><td class=\"name\">{HtmlPage.Esc(label)}</td><td title=\"seeds {seeds}\">{runs.Count}</td>")
                .Append($"<td>{MetricsTables.P(accuracy)}{(runs.Count > 1 && std is { } s ? " ± " + MetricsTables.P(s) : "")}</td>")
                .Append($"<td>{MetricsTables.P(MeanStd(runs.Select(BestValidation)).Mean)}</td>")
                .Append($"<td>{MetricsTables.N(MeanStd(runs.Select(FinalTrainLoss)).Mean)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{MeanStd(runs.Select(r => r.Seconds)).Mean:F1}</td></tr>");
        }
        html.Append("</table>");
    }

    private static double? FinalAccuracy(RunMetrics r) => r.Final?.Accuracy ?? r.Epochs.LastOrDefault()?.ValidationAccuracy;

    private static double? BestValidation(RunMetrics r) => r.Epochs.Select(e => e.ValidationAccuracy).Where(v => v is not null).DefaultIfEmpty().Max();

    private static double? FinalTrainLoss(RunMetrics r) => r.Epochs.LastOrDefault()?.TrainLoss;

    private static (double X, double Y)[] MeanByEpoch(IReadOnlyList<RunMetrics> runs, Func<EpochRecord, double?> value)
        => runs.SelectMany(r => r.Epochs).Where(e => value(e) is not null)
            .GroupBy(e => e.Epoch).OrderBy(g => g.Key)
            .Select(g => ((double)g.Key, g.Average(e => value(e)!.Value))).ToArray();

    /// <summary>Mean and sample standard deviation of the non-null values (null when there are none; std null for one value).</summary>
    public static (double? Mean, double? Std) MeanStd(IEnumerable<double?> values)
    {
        var v = values.Where(x => x is not null).Select(x => x!.Value).ToArray();
        if (v.Length == 0) return (null, null);
        var mean = v.Average();
        return (mean, v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : null);
    }

    private static string R(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
