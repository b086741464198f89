using System.Globalization;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Shared by every loader: resolves the configured columns against the columns a source actually has, applies
/// the empty-text rule, checks labels and accumulates the examples with their source lines.
/// </summary>
internal sealed class ExampleCollector
{
    private readonly TextDataLoaderOptions _options;
    private readonly List<TextExample> _examples = [];
    private readonly List<int> _lines = [];
    private readonly List<int> _skippedLines = [];

    public ExampleCollector(string sourceName, TextDataLoaderOptions options)
    {
        SourceName = sourceName;
        _options = options;
    }

    public string SourceName { get; }

    public TextDataLoaderOptions Options => _options;

    /// <summary>
    /// Throws the error for a column the source does not have, naming the columns it does have.
    /// </summary>
    public TextDataException MissingColumn(string optionName, string column, IReadOnlyCollection<string> found, int? line, string foundWhere)
    {
        string list = found.Count == 0 ? "(none)" : string.Join(", ", found.Select(f => $"'{f}'"));
        string hint = string.Empty;
        string? caseMatch = found.FirstOrDefault(f => string.Equals(f, column, StringComparison.OrdinalIgnoreCase));
        if (caseMatch is not null)
        {
            hint = $" Column names are case-sensitive: did you mean '{caseMatch}'?";
        }
        else if (!_options.HasHeader && foundWhere == "header")
        {
            hint = " The source has no header (HasHeader = false), so columns are named by zero-based index.";
        }

        return new TextDataException(SourceName, line, column,
            $"the {optionName} column '{column}' was not found; the columns found in the {foundWhere} are: {list}.{hint}");
    }

    /// <summary>Adds one record's values; <paramref name="line"/> is 1-based (0 when unknown).</summary>
    public void Add(string? text, string? text2, string? label, int line)
    {
        text ??= string.Empty;
        bool empty = string.IsNullOrWhiteSpace(text) || (_options.Text2ColumnName is not null && string.IsNullOrWhiteSpace(text2));
        if (empty)
        {
            if (_options.EmptyTextHandling == EmptyTextHandling.Error)
            {
                string column = string.IsNullOrWhiteSpace(text) ? _options.TextColumnName : _options.Text2ColumnName!;
                throw new TextDataException(SourceName, line > 0 ? line : null, column,
                    "the text is empty or white space (set EmptyTextHandling = Skip to skip such examples and count them).");
            }

            _skippedLines.Add(line);
            return;
        }

        if (_options.LabelColumnName is not null)
        {
            label = NormalizeLabel(label);
            if (label is null)
            {
                throw new TextDataException(SourceName, line > 0 ? line : null, _options.LabelColumnName,
                    "the label is missing or empty; every example needs a label (set LabelColumnName = null to read data without labels).");
            }
        }
        else
        {
            label = null;
        }

        _examples.Add(new TextExample(text, label, _options.Text2ColumnName is null ? null : text2));
        _lines.Add(line);
    }

    /// <summary>Builds the data set.</summary>
    public TextDataSet Build() =>
        new(SourceName, _examples, _lines.ToArray(), _options.LabelColumnName is not null, _skippedLines);

    /// <summary>Trims a label; empty or white-space labels become <see langword="null"/>.</summary>
    public static string? NormalizeLabel(string? label)
    {
        if (label is null)
        {
            return null;
        }

        string trimmed = label.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>The invariant string key of a boolean label.</summary>
    public static string BooleanLabel(bool value) => value ? "true" : "false";

    /// <summary>Formats a column index as the column name used for headerless sources.</summary>
    public static string IndexName(int index) => index.ToString(CultureInfo.InvariantCulture);
}
