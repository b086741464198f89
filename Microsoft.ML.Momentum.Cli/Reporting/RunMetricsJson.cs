using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>Source-generated JSON for the metrics file (camelCase, nulls omitted, unknown fields rejected).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(RunMetrics))]
[JsonSerializable(typeof(IReadOnlyList<RunMetrics>))]
internal sealed partial class RunMetricsJsonContext : JsonSerializerContext;

/// <summary>Reads and writes the metrics JSON.</summary>
internal static class RunMetricsJson
{
    public static string Serialize(RunMetrics metrics) => JsonSerializer.Serialize(metrics, RunMetricsJsonContext.Default.RunMetrics);

    public static RunMetrics Deserialize(string json)
        => JsonSerializer.Deserialize(json, RunMetricsJsonContext.Default.RunMetrics) ?? throw new JsonException("The metrics file holds null.");

    public static void Write(string path, RunMetrics metrics) => FileOutput.WriteAllText(path, Serialize(metrics));

    /// <summary>Reads a metrics file; a malformed one is bad data (exit code 3).</summary>
    public static RunMetrics Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"metrics file '{path}' was not found.", path);
        try
        {
            return Deserialize(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a momentum metrics file: {e.Message}", e);
        }
    }
}
