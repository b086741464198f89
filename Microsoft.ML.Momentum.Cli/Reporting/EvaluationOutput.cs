using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// What <c>momentum evaluate</c> prints or writes: a text summary (metrics, per-class table, confusion matrix),
/// JSON (the same, machine-readable) or CSV (one row per class plus an "(all)" row).
/// </summary>
internal static class EvaluationOutput
{
    public static string Format(OutputFormat format, ClassificationMetrics m, IReadOnlyList<string> classes, string model, string data) => format switch
    {
        OutputFormat.Json => Json(m, classes, model, data),
        OutputFormat.Csv => Csv(m, classes),
        _ => Text(m, classes, model, data),
    };

    public static string Text(ClassificationMetrics m, IReadOnlyList<string> classes, string model, string data)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model: {model}\ndata: {data} ({m.Count:N0} examples)\n");
        text.Append(CultureInfo.InvariantCulture, $"accuracy: {MetricsTables.P(m.Accuracy)}\nmacro-F1: {m.MacroF1:F4}\nlog-loss: {m.LogLoss:F4}\n\n");
        var width = Math.Max(5, classes.Max(c => c.Length));
        text.Append(CultureInfo.InvariantCulture, $"{"class".PadRight(width)}  precision  recall      F1  support\n");
        for (var i = 0; i < classes.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{classes[i].PadRight(width)}  {m.PerClassPrecision[i],9:F4}  {m.PerClassRecall[i],6:F4}  {F1(m, i),6:F4}  {Support(m, i),7}\n");
        }
        text.Append("\nconfusion matrix (rows: true class, columns: predicted class, in the order above)\n");
        var cell = Math.Max(4, m.ConfusionMatrix.SelectMany(r => r).DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < classes.Count; i++)
        {
            text.Append(classes[i].PadRight(width)).Append(' ');
            foreach (var count in m.ConfusionMatrix[i]) text.Append(' ').Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(cell));
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Json(ClassificationMetrics m, IReadOnlyList<string> classes, string model, string data)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteString("data", data);
            json.WriteNumber("count", m.Count);
            json.WriteNumber("accuracy", m.Accuracy);
            json.WriteNumber("macroF1", m.MacroF1);
            json.WriteNumber("logLoss", m.LogLoss);
            json.WriteStartArray("classes");
            for (var i = 0; i < classes.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("name", classes[i]);
                json.WriteNumber("precision", m.PerClassPrecision[i]);
                json.WriteNumber("recall", m.PerClassRecall[i]);
                json.WriteNumber("f1", F1(m, i));
                json.WriteNumber("support", Support(m, i));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("confusionMatrix");
            foreach (var row in m.ConfusionMatrix)
            {
                json.WriteStartArray();
                foreach (var count in row) json.WriteNumberValue(count);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>class, support, precision, recall, f1, then one "predicted:NAME" count column per class; the "(all)" row adds accuracy and logLoss.</summary>
    public static string Csv(ClassificationMetrics m, IReadOnlyList<string> classes)
    {
        var text = new StringBuilder();
        text.Append(Reporting.Csv.Row(["class", "support", "precision", "recall", "f1", .. classes.Select(c => "predicted:" + c), "accuracy", "logLoss"])).Append('\n');
        for (var i = 0; i < classes.Count; i++)
        {
            text.Append(Reporting.Csv.Row([classes[i], Support(m, i).ToString(CultureInfo.InvariantCulture), N(m.PerClassPrecision[i]), N(m.PerClassRecall[i]), N(F1(m, i)),
                .. m.ConfusionMatrix[i].Select(c => c.ToString(CultureInfo.InvariantCulture)), "", ""])).Append('\n');
        }
        text.Append(Reporting.Csv.Row(["(all)", m.Count.ToString(CultureInfo.InvariantCulture), N(m.PerClassPrecision.Average()), N(m.PerClassRecall.Average()), N(m.MacroF1),
            .. classes.Select((_, j) => m.ConfusionMatrix.Sum(row => row[j]).ToString(CultureInfo.InvariantCulture)), N(m.Accuracy), N(m.LogLoss)])).Append('\n');
        return text.ToString();
    }

    private static double F1(ClassificationMetrics m, int i)
    {
        var (p, r) = (m.PerClassPrecision[i], m.PerClassRecall[i]);
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    private static long Support(ClassificationMetrics m, int i) => m.ConfusionMatrix[i].Sum();

    private static string N(double value) => Reporting.Csv.Number(value);
}
