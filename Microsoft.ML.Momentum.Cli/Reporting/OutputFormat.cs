namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>The --format of evaluate and predict.</summary>
internal enum OutputFormat { Text, Json, Csv }

internal static class OutputFormats
{
    /// <summary>The format asked for, else the one <paramref name="outputPath"/>'s extension names (.json, .csv), else <paramref name="fallback"/>.</summary>
    public static OutputFormat Choose(OutputFormat? requested, string? outputPath, OutputFormat fallback)
        => requested ?? (Path.GetExtension(outputPath ?? "").ToLowerInvariant() switch
        {
            ".json" => OutputFormat.Json,
            ".csv" => OutputFormat.Csv,
            _ => fallback,
        });

    /// <summary>Writes <paramref name="text"/> to <paramref name="outputPath"/> (saying so on <paramref name="stdout"/>) or to <paramref name="stdout"/>.</summary>
    public static void Emit(string text, string? outputPath, TextWriter stdout)
    {
        if (outputPath is null)
        {
            stdout.Write(text);
            return;
        }
        FileOutput.WriteAllText(outputPath, text);
        stdout.WriteLine($"wrote {outputPath}");
    }
}
