using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// The training report: one self-contained HTML file (inline SVG and CSS, no script, no network) with the
/// loss, accuracy, learning-rate (AutoDrop's drops marked), momentum, MoMo step-size and lower-bound and
/// AutoDrop angular-velocity charts, the final metrics and the confusion matrix with class names.
/// Charts that do not apply to the run's optimizer are replaced by a one-line note.
/// </summary>
internal static class TrainingReport
{
    public static string Render(RunMetrics m) => HtmlPage.Build("momentum report: " + m.Title, html =>
    {
        html.Append($"<h1>{HtmlPage.Esc(m.Title)}</h1><p class=\"meta\">{HtmlPage.Esc(Meta(m))}</p>");
        html.Append("<h2>Training</h2><div class=\"charts\">");
        Figure(html, ReportCharts.LossChart(m), "No loss was recorded.");
        Figure(html, ReportCharts.AccuracyChart(m), "No accuracy was recorded.");
        Figure(html, ReportCharts.LearningRateChart(m), "No learning rate was recorded.");
        Figure(html, ReportCharts.MomentumChart(m), "No momentum was recorded.");
        html.Append("</div><h2>Optimizer internals</h2><div class=\"charts\">");
        var name = m.OptimizerName ?? "this optimizer";
        Figure(html, ReportCharts.MomoStepSizeChart(m), $"MoMo step size: not recorded ({name} is not MoMo).");
        Figure(html, ReportCharts.MomoLowerBoundChart(m), $"MoMo lower bound: not recorded ({name} is not MoMo).");
        Figure(html, ReportCharts.AngularVelocityChart(m), $"AutoDrop angular velocity: not recorded ({name} has no AutoDrop controller).");
        html.Append("</div>");
        var drops = DropPoints.Find(m);
        if (drops.Count > 0)
        {
            html.Append($"<p class=\"meta\" id=\"drops\">{drops.Count} learning-rate drop(s): ")
                .AppendJoin("; ", drops.Select(d => HtmlPage.Esc(d.Label))).Append(".</p>");
        }
        html.Append("<h2>Final metrics</h2>");
        MetricsTables.AppendFinal(html, m);
        html.Append("<h2>Confusion matrix</h2>");
        MetricsTables.AppendConfusion(html, m);
        html.Append("<h2>Epochs</h2>");
        MetricsTables.AppendEpochs(html, m);
        if (m.OptimizerJson is { } json) html.Append($"<h2>Optimizer</h2><pre id=\"optimizer\">{HtmlPage.Esc(json)}</pre>");
    });

    public static void Write(string path, RunMetrics metrics) => FileOutput.WriteAllText(path, Render(metrics));

    private static void Figure(StringBuilder html, LineChart chart, string whenEmpty)
    {
        if (chart.HasData) html.Append("<figure>").Append(chart.ToSvg()).Append("</figure>");
        else html.Append($"<p class=\"na\" id=\"{chart.Id}-absent\">{HtmlPage.Esc(whenEmpty)}</p>");
    }

    private static string Meta(RunMetrics m)
    {
        var parts = new List<string>();
        if (m.Scenario is { } s) parts.Add(s);
        if (m.OptimizerName is { } o) parts.Add("optimizer " + o);
        if (m.Seed is { } seed) parts.Add("seed " + seed.ToString(CultureInfo.InvariantCulture));
        parts.Add($"{m.Epochs.Count} epoch(s), {(m.Epochs.Count > 0 ? m.Epochs[^1].Step : m.Steps.LastOrDefault()?.Step ?? 0):N0} steps");
        if (m.Seconds is { } sec) parts.Add($"{sec:F1} s");
        if (m.StartedAt is { } at) parts.Add("started " + at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }
}
