using System.Text;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Text data that cannot be used as given: a missing column, a ragged row, invalid UTF-8, a missing label,
/// a single class, and so on. The message names the source, the 1-based line (or byte offset) and the
/// column where they are known, and what is wrong; the same facts are available as properties.
/// </summary>
public sealed class TextDataException : FormatException
{
    /// <summary>Creates the exception from its parts; the message is composed from them.</summary>
    /// <param name="sourceName">The file or source name, or <see langword="null"/> when there is none.</param>
    /// <param name="lineNumber">The 1-based line number, or <see langword="null"/>.</param>
    /// <param name="columnName">The column (field) name, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong, as a sentence fragment.</param>
    /// <param name="byteOffset">The 0-based byte offset in the file, or <see langword="null"/>.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public TextDataException(string? sourceName, int? lineNumber, string? columnName, string problem,
        long? byteOffset = null, Exception? innerException = null)
        : base(Compose(sourceName, lineNumber, columnName, problem, byteOffset), innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        ColumnName = columnName;
        ByteOffset = byteOffset;
        Problem = problem;
    }

    /// <summary>The file or source name, if known.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line number of the offending record, if known.</summary>
    public int? LineNumber { get; }

    /// <summary>The offending column (field) name, if known.</summary>
    public string? ColumnName { get; }

    /// <summary>The 0-based byte offset in the file (for encoding errors), if known.</summary>
    public long? ByteOffset { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }

    private static string Compose(string? sourceName, int? lineNumber, string? columnName, string problem, long? byteOffset)
    {
        var sb = new StringBuilder();
        if (sourceName is not null)
        {
            sb.Append(sourceName);
        }

        if (lineNumber is not null)
        {
            sb.Append(sb.Length > 0 ? ", " : string.Empty).Append("line ").Append(lineNumber.Value);
        }

        if (byteOffset is not null)
        {
            sb.Append(sb.Length > 0 ? ", " : string.Empty).Append("byte offset ").Append(byteOffset.Value);
        }

        if (columnName is not null)
        {
            sb.Append(sb.Length > 0 ? ", " : string.Empty).Append("column '").Append(columnName).Append('\'');
        }

        return sb.Length > 0 ? sb.Append(": ").Append(problem).ToString() : problem;
    }
}
