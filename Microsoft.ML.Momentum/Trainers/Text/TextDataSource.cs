using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// Where labelled text comes from: a CSV, TSV, JSON-array or JSON-lines file whose columns the trainer's
/// <c>LabelColumnName</c>, <c>TextColumnName</c> and <c>Text2ColumnName</c> choose (as in ML.NET, the columns are
/// the trainer's options), examples in memory, or a <see cref="TextDataSet"/> already loaded (e.g.
/// <see cref="ImdbDataset.Train"/>). Nothing is read until a trainer or model loads it; errors name the file,
/// line and column.
/// </summary>
public abstract class TextDataSource
{
    private protected TextDataSource(string description) => Description = description;

    /// <summary>Where the examples come from, for messages.</summary>
    public string Description { get; }

    /// <summary>A file whose format its extension tells: <c>.csv</c>, <c>.tsv</c>/<c>.tab</c>, <c>.json</c>, <c>.jsonl</c>/<c>.ndjson</c>.</summary>
    /// <param name="path">The file.</param>
    public static TextDataSource FromFile(string path) => new FileSource(Check(path), TextDataLoader.FromFile);

    /// <summary>A comma-separated file with a header row and RFC 4180 quoting (fields may hold commas, quotes and line breaks).</summary>
    /// <param name="path">The file.</param>
    public static TextDataSource FromCsv(string path) => new FileSource(Check(path), TextDataLoader.FromCsv);

    /// <summary>A tab-separated file with a header row and no quoting.</summary>
    /// <param name="path">The file.</param>
    public static TextDataSource FromTsv(string path) => new FileSource(Check(path), TextDataLoader.FromTsv);

    /// <summary>A JSON file holding one array of objects; labels may be strings, numbers or booleans.</summary>
    /// <param name="path">The file.</param>
    public static TextDataSource FromJson(string path) => new FileSource(Check(path), TextDataLoader.FromJson);

    /// <summary>A JSON-lines file: one object per line.</summary>
    /// <param name="path">The file.</param>
    public static TextDataSource FromJsonLines(string path) => new FileSource(Check(path), TextDataLoader.FromJsonLines);

    /// <summary>
    /// Examples in memory. Column names do not apply: the texts are <see cref="TextExample.Text"/> (and
    /// <see cref="TextExample.Text2"/> for pairs, on every example) and the label is <see cref="TextExample.Label"/>.
    /// </summary>
    /// <param name="examples">The examples (copied when the source is loaded).</param>
    public static TextDataSource FromExamples(IEnumerable<TextExample> examples)
        => new ExampleSource(examples ?? throw new ArgumentNullException(nameof(examples)));

    /// <summary>Examples already loaded (by <see cref="TextDataLoader"/> with custom format options, or a dataset reader).</summary>
    /// <param name="data">The examples.</param>
    public static TextDataSource FromDataSet(TextDataSet data)
        => new DataSetSource(data ?? throw new ArgumentNullException(nameof(data)));

    /// <summary>Loads the examples; labels are required when <see cref="TextReadSettings.LabelColumnName"/> is set.</summary>
    internal TextDataSet Load(TextReadSettings settings)
    {
        var data = LoadCore(settings);
        if (settings.LabelColumnName is not null && !data.HasLabels)
        {
            throw new TextDataException(data.SourceName, null, null, "the examples have no labels; training and evaluation need a label on every example.");
        }
        return data;
    }

    private protected abstract TextDataSet LoadCore(TextReadSettings settings);

    private static string Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path;
    }

    private sealed class FileSource(string path, Func<string, TextDataLoaderOptions?, TextDataSet> load) : TextDataSource($"text file '{path}'")
    {
        private protected override TextDataSet LoadCore(TextReadSettings settings) => load(path, settings.LoaderOptions());
    }

    private sealed class ExampleSource(IEnumerable<TextExample> examples) : TextDataSource("in-memory examples")
    {
        private protected override TextDataSet LoadCore(TextReadSettings settings)
            => TextDataLoader.FromExamples(examples, Description, settings.EmptyTextHandling);
    }

    private sealed class DataSetSource(TextDataSet data) : TextDataSource($"data set '{data.SourceName}'")
    {
        private protected override TextDataSet LoadCore(TextReadSettings settings) => data;
    }
}
