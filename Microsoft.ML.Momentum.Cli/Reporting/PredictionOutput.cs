using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// What <c>momentum predict</c> writes: CSV (input, predictedLabel, score, then "score:NAME" per class) or
/// JSON (an array of {input, predictedLabel, score, scores: {NAME: probability}}).
/// </summary>
internal static class PredictionOutput
{
    public static string Format(OutputFormat format, IReadOnlyList<(string Input, ClassPrediction Prediction)> predictions, IReadOnlyList<string> classes)
        => format == OutputFormat.Json ? Json(predictions, classes) : Csv(predictions, classes);

    public static string Csv(IReadOnlyList<(string Input, ClassPrediction Prediction)> predictions, IReadOnlyList<string> classes)
    {
        var text = new StringBuilder();
        text.Append(Reporting.Csv.Row(["input", "predictedLabel", "score", .. classes.Select(c => "score:" + c)])).Append('\n');
        foreach (var (input, p) in predictions)
        {
            text.Append(Reporting.Csv.Row([input, p.PredictedLabel, Number(p.Score[p.PredictedClass]), .. p.Score.Select(Number)])).Append('\n');
        }
        return text.ToString();
    }

    public static string Json(IReadOnlyList<(string Input, ClassPrediction Prediction)> predictions, IReadOnlyList<string> classes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var (input, p) in predictions)
            {
                json.WriteStartObject();
                json.WriteString("input", input);
                json.WriteString("predictedLabel", p.PredictedLabel);
                json.WriteNumber("score", p.Score[p.PredictedClass]);
                json.WriteStartObject("scores");
                for (var i = 0; i < classes.Count; i++) json.WriteNumber(classes[i], p.Score[i]);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
