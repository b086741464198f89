namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// How <see cref="TextDataLoader"/> reads a source: which columns hold the text(s) and the label, and the
/// file format's details. Column names are matched exactly (case-sensitive), as in ML.NET.
/// </summary>
public sealed class TextDataLoaderOptions
{
    /// <summary>
    /// The label column. Default <c>"Label"</c>. Set to <see langword="null"/> to read data without labels
    /// (prediction time); every <see cref="TextExample.Label"/> is then <see langword="null"/>.
    /// </summary>
    public string? LabelColumnName { get; set; } = "Label";

    /// <summary>The text column (the first sentence of a pair). Default <c>"Text"</c>.</summary>
    public string TextColumnName { get; set; } = "Text";

    /// <summary>The option name messages give for <see cref="TextColumnName"/> (the image trainer reads image paths through it as "ImageColumnName").</summary>
    internal string TextColumnOptionName { get; set; } = nameof(TextColumnName);

    /// <summary>
    /// The second text column for sentence-pair data (ML.NET's <c>Sentence2ColumnName</c>), or
    /// <see langword="null"/> (the default) for single texts.
    /// </summary>
    public string? Text2ColumnName { get; set; }

    /// <summary>
    /// CSV/TSV only: whether the first record is a header with column names. Default <see langword="true"/>.
    /// Without a header, columns are named by their zero-based index: <c>"0"</c>, <c>"1"</c>, ….
    /// </summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>
    /// CSV/TSV only: the field separator, or <see langword="null"/> (the default) for the format's own:
    /// <c>','</c> for CSV, tab for TSV.
    /// </summary>
    public char? Separator { get; set; }

    /// <summary>
    /// CSV/TSV only: whether fields may be quoted with <c>"</c> (RFC 4180: quoted fields may contain the
    /// separator, newlines and doubled quotes), or <see langword="null"/> (the default) for the format's
    /// own: quoting on for CSV, off for TSV (where a <c>"</c> is an ordinary character).
    /// </summary>
    public bool? AllowQuoting { get; set; }

    /// <summary>
    /// What to do with an example whose text (or, for pairs, either text) is empty or white space.
    /// Default <see cref="EmptyTextHandling.Skip"/>.
    /// </summary>
    public EmptyTextHandling EmptyTextHandling { get; set; } = EmptyTextHandling.Skip;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(TextColumnName))
        {
            throw new ArgumentException("TextColumnName must name a column.", nameof(TextColumnName));
        }

        if (LabelColumnName is { Length: 0 })
        {
            throw new ArgumentException("LabelColumnName must name a column, or be null for data without labels.", nameof(LabelColumnName));
        }

        if (Text2ColumnName is { Length: 0 })
        {
            throw new ArgumentException("Text2ColumnName must name a column, or be null for single texts.", nameof(Text2ColumnName));
        }

        if (Separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"Separator cannot be {Describe(Separator.Value)}.", nameof(Separator));
        }
    }

    private static string Describe(char c) => c switch { '\r' => "CR", '\n' => "LF", _ => $"'{c}'" };
}
