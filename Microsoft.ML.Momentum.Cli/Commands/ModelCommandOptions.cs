using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Reporting;

namespace Microsoft.ML.Momentum.Cli.Commands;

/// <summary>Options shared by <c>evaluate</c> and <c>predict</c>.</summary>
internal static class ModelCommandOptions
{
    public static Option<string> Model() => new("--model", "-m") { Description = "A model zip written by momentum train.", Required = true };

    public static Option<string?> Output() => new("--output", "-o") { Description = "Write to this file instead of standard output." };

    public static Option<string> Device() => new("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };

    public static Option<string?> InputColumn(string what) => new("--input-column") { Description = $"Column of a csv, tsv, json or jsonl table holding {what} (default: ImagePath for image models)." };

    /// <summary>--format restricted to <paramref name="formats"/> (lower-case names of <see cref="OutputFormat"/>).</summary>
    public static Option<string?> Format(string description, params string[] formats)
    {
        var option = new Option<string?>("--format", "-f") { Description = description };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static OutputFormat? ParseFormat(string? value) => value is null ? null : Enum.Parse<OutputFormat>(value, ignoreCase: true);
}
