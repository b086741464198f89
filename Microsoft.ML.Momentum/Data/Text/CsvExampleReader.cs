using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Reads delimited text (CSV, TSV) with CsvHelper's RFC 4180 parser: header, quoting, doubled quotes and
/// newlines inside quoted fields. Rows with a different field count from the first record are errors that
/// name their line.
/// </summary>
internal static class CsvExampleReader
{
    public static TextDataSet Read(byte[] bytes, string sourceName, TextDataLoaderOptions options, char defaultSeparator, bool defaultQuoting)
    {
        options.Validate();
        ReadOnlyMemory<byte> content = Utf8Source.Validate(bytes, sourceName);
        string text = Encoding.UTF8.GetString(content.Span);
        char separator = options.Separator ?? defaultSeparator;
        bool quoting = options.AllowQuoting ?? defaultQuoting;
        var collector = new ExampleCollector(sourceName, options);
        var lines = new LineTracker(text);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = options.HasHeader,
            Mode = quoting ? CsvMode.RFC4180 : CsvMode.NoEscape,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
            BadDataFound = args => throw new TextDataException(sourceName, lines.StartLine(args.Context.Parser!), null,
                $"malformed quoting in field '{Shorten(args.Field)}' (a quote inside an unquoted field, or an unterminated quoted field; " +
                "in CSV a field containing quotes must be quoted and its quotes doubled: \"say \"\"hi\"\"\")."),
        };

        using var parser = new CsvParser(new StringReader(text), config);
        string[]? columns = null;
        int textIndex = -1, text2Index = -1, labelIndex = -1;
        int headerLine = 0;
        while (Read(parser, sourceName, lines))
        {
            string[] record = parser.Record ?? [];
            int line = lines.StartLine(parser);
            if (columns is null)
            {
                headerLine = line;
                columns = options.HasHeader
                    ? record.Select(c => c.Trim()).ToArray()
                    : Enumerable.Range(0, record.Length).Select(ExampleCollector.IndexName).ToArray();
                textIndex = Resolve(collector, options.TextColumnOptionName, options.TextColumnName, columns, line)!.Value;
                text2Index = Resolve(collector, "Text2ColumnName", options.Text2ColumnName, columns, line) ?? -1;
                labelIndex = Resolve(collector, "LabelColumnName", options.LabelColumnName, columns, line) ?? -1;
                if (options.HasHeader)
                {
                    continue;
                }
            }

            if (record.Length != columns.Length)
            {
                string where = options.HasHeader ? $"the header (line {headerLine})" : $"the first row (line {headerLine})";
                throw new TextDataException(sourceName, line, null,
                    $"ragged row: {record.Length} fields, but {where} has {columns.Length} ({string.Join(", ", columns)}). " +
                    (quoting
                        ? "A field containing the separator or a newline must be quoted."
                        : "Quoting is off for this source, so the separator cannot occur inside a field."));
            }

            collector.Add(record[textIndex], text2Index >= 0 ? record[text2Index] : null,
                labelIndex >= 0 ? record[labelIndex] : null, line);
        }

        if (columns is null && options.HasHeader)
        {
            throw new TextDataException(sourceName, null, null, "the source is empty: no header was found.");
        }

        return collector.Build();
    }

    private static bool Read(CsvParser parser, string sourceName, LineTracker lines)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException ex) when (ex.InnerException is TextDataException inner)
        {
            throw inner;
        }
        catch (CsvHelperException ex)
        {
            throw new TextDataException(sourceName, lines.StartLine(parser), null, $"the CSV parser failed: {ex.Message}", innerException: ex);
        }
    }

    private static int? Resolve(ExampleCollector collector, string optionName, string? column, string[] columns, int line)
    {
        if (column is null)
        {
            return null;
        }

        int index = Array.IndexOf(columns, column);
        if (index < 0)
        {
            throw collector.MissingColumn(optionName, column, columns, line, "header");
        }

        int again = Array.IndexOf(columns, column, index + 1);
        if (again >= 0)
        {
            throw new TextDataException(collector.SourceName, line, column,
                $"the header names this column twice (fields {index + 1} and {again + 1}); column names must be unique.");
        }

        return index;
    }

    private static string Shorten(string field)
    {
        string oneLine = field.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
    }

    /// <summary>
    /// The 1-based line where the parser's current record starts: the record starts <c>RawRecord.Length</c> characters
    /// before <c>CharCount</c> (blank lines before it are not part of it), and its line is one more than the line
    /// feeds before that point. (CsvHelper's <c>RawRow</c> is the line where a record ends and over-counts an
    /// unterminated quoted field at the end of the input, so it is not used.) Linear in total over a file.
    /// </summary>
    private sealed class LineTracker(string text)
    {
        private int _offset;
        private int _line = 1;

        public int StartLine(IParser parser)
        {
            int start = (int)Math.Clamp(parser.CharCount - (parser.RawRecord?.Length ?? 0), 0, text.Length);
            if (start < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += text.AsSpan(_offset, start - _offset).Count('\n');
            _offset = start;
            return _line;
        }
    }
}
