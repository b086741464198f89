using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The inputs of <c>momentum predict</c>: those of <c>--input</c> (a table with an input column when it is a
/// .csv, .tsv, .json or .jsonl file, else one input a line, blank lines and lines starting with '#' skipped),
/// then those on the command line.
/// </summary>
internal static class PredictionInputs
{
    /// <summary>
    /// The inputs; with <paramref name="arePaths"/> they are file paths, made absolute (relative to the input
    /// file's folder for those in it, to the current directory for the others).
    /// </summary>
    public static IReadOnlyList<string> Read(PredictionRequest request, string defaultColumn, bool arePaths = true)
    {
        var inputs = new List<string>();
        if (request.InputFile is { } file)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"input file '{file}' was not found.", file);
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var lines = IsTable(file) ? FromTable(file, request.InputColumn ?? defaultColumn) : FromLines(file);
            inputs.AddRange(arePaths ? lines.Select(l => Path.GetFullPath(l, folder)) : lines);
        }
        inputs.AddRange(arePaths ? request.Inputs.Select(i => Path.GetFullPath(i)) : request.Inputs);
        if (inputs.Count == 0) throw new InvalidDataException(request.InputFile is { } f ? $"input file '{f}' lists no inputs." : "nothing to predict.");
        return inputs;
    }

    private static bool IsTable(string path) => Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv" or ".json" or ".jsonl" or ".ndjson";

    private static IEnumerable<string> FromTable(string path, string column)
        => TextDataLoader.FromFile(path, new TextDataLoaderOptions { TextColumnName = column, LabelColumnName = null, EmptyTextHandling = EmptyTextHandling.Error })
            .Select(e => e.Text.Trim());

    private static IEnumerable<string> FromLines(string path)
        => File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
}
