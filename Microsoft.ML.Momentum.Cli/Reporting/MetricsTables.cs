using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>The tables of a training report: final metrics, per-class precision and recall, confusion matrix, epochs.</summary>
internal static class MetricsTables
{
    public static void AppendFinal(StringBuilder html, RunMetrics m)
    {
        if (m.Final is not { } f)
        {
            html.Append("<p class=\"na\">No final evaluation was recorded (no test or validation data).</p>");
            return;
        }
        html.Append("<table id=\"final-metrics\"><tr><th class=\"name\">metric</th><th>value</th></tr>")
            .Append($"<tr><td class=\"name\">data</td><td>{HtmlPage.Esc(f.Split)} ({f.Count:N0} examples)</td></tr>")
            .Append($"<tr><td class=\"name\">accuracy</td><td>{P(f.Accuracy)}</td></tr>")
            .Append($"<tr><td class=\"name\">macro-F1</td><td>{N(f.MacroF1)}</td></tr>")
            .Append($"<tr><td class=\"name\">log-loss</td><td>{N(f.LogLoss)}</td></tr>");
        if (m.SelectedEpoch is { } selected) html.Append($"<tr><td class=\"name\">model from epoch</td><td>{selected}{(m.StoppedEarly ? " (stopped early)" : "")}</td></tr>");
        html.Append("</table>");
    }

    public static void AppendConfusion(StringBuilder html, RunMetrics m)
    {
        if (m.Final is not { ConfusionMatrix.Count: > 0 } f) return;
        var k = f.ConfusionMatrix.Count;
        string Name(int i) => i < m.ClassNames.Count ? m.ClassNames[i] : i.ToString(CultureInfo.InvariantCulture);
        html.Append("<table id=\"confusion-matrix\" class=\"confusion\"><tr><th class=\"name\">true \\ predicted</th>");
        for (var j = 0; j < k; j++) html.Append($"<th>{HtmlPage.Esc(Name(j))}</th>");
        html.Append("<th>recall</th></tr>");
        for (var i = 0; i < k; i++)
        {
            var row = f.ConfusionMatrix[i];
            var total = Math.Max(1, row.Sum());
            html.Append($"<tr><th class=\"name\">{HtmlPage.Esc(Name(i))}</th>");
            for (var j = 0; j < row.Count; j++)
            {
                var share = (double)row[j] / total;
                var color = i == j ? $"rgba(89,161,79,{share:0.###})" : $"rgba(225,87,89,{Math.Min(1, share * 3):0.###})";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{color}\" title=\"{share:P1} of {HtmlPage.Esc(Name(i))}\">{row[j]:N0}</td>");
            }
            html.Append($"<td>{(i < f.PerClassRecall.Count ? P(f.PerClassRecall[i]) : "")}</td></tr>");
        }
        html.Append("<tr><th class=\"name\">precision</th>");
        for (var j = 0; j < k; j++) html.Append($"<td>{(j < f.PerClassPrecision.Count ? P(f.PerClassPrecision[j]) : "")}</td>");
        html.Append("<td></td></tr></table>");
    }

    public static void AppendEpochs(StringBuilder html, RunMetrics m)
    {
        html.Append("<table id=\"epochs\"><tr><th>epoch</th><th>step</th><th>train loss</th><th>train acc.</th><th>val. loss</th><th>val. acc.</th><th>val. macro-F1</th><th>learning rate</th><th>momentum</th><th>drops</th><th>samples/s</th></tr>");
        foreach (var e in m.Epochs)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e.Epoch}</td><td>{e.Step:N0}</td><td>{N(e.TrainLoss)}</td><td>{P(e.TrainAccuracy)}</td><td>{N(e.ValidationLoss)}</td><td>{P(e.ValidationAccuracy)}</td><td>{N(e.ValidationMacroF1)}</td><td>{N(e.LearningRate)}</td><td>{N(e.Momentum)}</td><td>{e.DropCount}</td><td>{(e.SamplesPerSecond is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) : "")}</td></tr>");
        }
        html.Append("</table>");
    }

    public static string N(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    public static string P(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";
}
