namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Loads labelled text examples from CSV, TSV, JSON (an array of objects), JSON lines or memory. Sources must
/// be UTF-8. Every problem is reported as a <see cref="TextDataException"/> naming the source, the 1-based line
/// and the column.
/// </summary>
/// <remarks>
/// Behaviour common to all formats: labels are trimmed and must be non-empty; an example whose text is empty
/// or white space is skipped and counted (<see cref="TextDataSet.SkippedEmptyTextCount"/>) unless
/// <see cref="TextDataLoaderOptions.EmptyTextHandling"/> says to fail; texts are kept exactly as written
/// (tokenization happens later, in <see cref="TextFeaturizer"/>).
/// </remarks>
public static class TextDataLoader
{
    /// <summary>
    /// Loads a file, choosing the format by its extension: <c>.csv</c>, <c>.tsv</c>/<c>.tab</c>, <c>.json</c>,
    /// <c>.jsonl</c>/<c>.ndjson</c> (case-insensitive). For configuration files and command lines.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Column names and format options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The extension is not one of the supported ones.</exception>
    public static TextDataSet FromFile(string path, TextDataLoaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => FromCsv(path, options),
            ".tsv" or ".tab" => FromTsv(path, options),
            ".json" => FromJson(path, options),
            ".jsonl" or ".ndjson" => FromJsonLines(path, options),
            string other => throw new ArgumentException(
                $"Cannot tell the format of '{path}' from its extension '{other}'; use .csv, .tsv, .json or .jsonl, or call FromCsv/FromTsv/FromJson/FromJsonLines.",
                nameof(path)),
        };
    }

    /// <summary>Loads a comma-separated file with a header (by default) and RFC 4180 quoting.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Column names and format options; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromCsv(string path, TextDataLoaderOptions? options = null) =>
        CsvExampleReader.Read(ReadFile(path), path, options ?? new(), ',', defaultQuoting: true);

    /// <summary>Loads comma-separated text from a stream.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <param name="options">Column names and format options; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromCsv(Stream stream, string sourceName, TextDataLoaderOptions? options = null) =>
        CsvExampleReader.Read(Utf8Source.ReadAll(stream), sourceName, options ?? new(), ',', defaultQuoting: true);

    /// <summary>Loads a tab-separated file with a header (by default) and no quoting (by default).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Column names and format options; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromTsv(string path, TextDataLoaderOptions? options = null) =>
        CsvExampleReader.Read(ReadFile(path), path, options ?? new(), '\t', defaultQuoting: false);

    /// <summary>Loads tab-separated text from a stream.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <param name="options">Column names and format options; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromTsv(Stream stream, string sourceName, TextDataLoaderOptions? options = null) =>
        CsvExampleReader.Read(Utf8Source.ReadAll(stream), sourceName, options ?? new(), '\t', defaultQuoting: false);

    /// <summary>Loads a JSON file holding one array of objects, e.g. <c>[{"Text": "…", "Label": "sports"}, …]</c>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Column (property) names; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromJson(string path, TextDataLoaderOptions? options = null) =>
        JsonExampleReader.ReadArray(ReadFile(path), path, options ?? new());

    /// <summary>Loads a JSON array of objects from a stream.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <param name="options">Column (property) names; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromJson(Stream stream, string sourceName, TextDataLoaderOptions? options = null) =>
        JsonExampleReader.ReadArray(Utf8Source.ReadAll(stream), sourceName, options ?? new());

    /// <summary>Loads a JSON lines file: one object per line; blank lines are ignored.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Column (property) names; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromJsonLines(string path, TextDataLoaderOptions? options = null) =>
        JsonExampleReader.ReadLines(ReadFile(path), path, options ?? new());

    /// <summary>Loads JSON lines from a stream.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <param name="options">Column (property) names; <see langword="null"/> for the defaults.</param>
    public static TextDataSet FromJsonLines(Stream stream, string sourceName, TextDataLoaderOptions? options = null) =>
        JsonExampleReader.ReadLines(Utf8Source.ReadAll(stream), sourceName, options ?? new());

    /// <summary>
    /// Wraps in-memory examples. Either every example has a label or none has; either every example has a
    /// <see cref="TextExample.Text2"/> or none has. Labels are trimmed; empty texts follow
    /// <paramref name="emptyTextHandling"/>, with 1-based positions in place of line numbers.
    /// </summary>
    /// <param name="examples">The examples.</param>
    /// <param name="sourceName">The name used in error messages and locations.</param>
    /// <param name="emptyTextHandling">What to do with empty texts.</param>
    public static TextDataSet FromExamples(IEnumerable<TextExample> examples, string sourceName = "in-memory examples",
        EmptyTextHandling emptyTextHandling = EmptyTextHandling.Skip)
    {
        ArgumentNullException.ThrowIfNull(examples);
        TextExample[] all = examples.ToArray();
        bool hasLabels = all.Any(e => e?.Label is not null);
        bool isPair = all.Any(e => e?.Text2 is not null);
        var options = new TextDataLoaderOptions
        {
            LabelColumnName = hasLabels ? nameof(TextExample.Label) : null,
            TextColumnName = nameof(TextExample.Text),
            Text2ColumnName = isPair ? nameof(TextExample.Text2) : null,
            EmptyTextHandling = emptyTextHandling,
        };
        var collector = new ExampleCollector(sourceName, options);
        for (int i = 0; i < all.Length; i++)
        {
            TextExample e = all[i] ?? throw new ArgumentException($"Example #{i + 1} is null.", nameof(examples));
            if (isPair && e.Text2 is null)
            {
                throw new TextDataException(sourceName, null, nameof(TextExample.Text2),
                    $"example #{i + 1} has no Text2 but others have one; sentence-pair data needs a Text2 on every example.");
            }

            try
            {
                collector.Add(e.Text, e.Text2, e.Label, i + 1);
            }
            catch (TextDataException ex)
            {
                // Re-word "line" as a position for in-memory data.
                throw new TextDataException(sourceName, null, ex.ColumnName, $"example #{i + 1}: {ex.Problem}");
            }
        }

        TextDataSet lined = collector.Build();
        int[] positions = Enumerable.Range(0, lined.Count).Select(i => lined.GetLineNumber(i) ?? 0).ToArray();
        return new TextDataSet(sourceName, lined.ToArray(), positions, hasLabels, lined.SkippedEmptyTextLines, positionsAreLines: false);
    }

    private static byte[] ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.ReadAllBytes(path);
    }
}
