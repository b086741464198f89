using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Reads JSON sources without reflection (AOT-safe): a JSON array of objects, or JSON lines (one object per
/// line). Each object's configured properties supply the text(s) and label; other properties are ignored.
/// Labels may be strings, numbers (kept in their JSON spelling, e.g. <c>1</c> → <c>"1"</c>) or booleans.
/// </summary>
internal static class JsonExampleReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static TextDataSet ReadArray(byte[] bytes, string sourceName, TextDataLoaderOptions options)
    {
        options.Validate();
        ReadOnlyMemory<byte> content = Utf8Source.Validate(bytes, sourceName);
        ReadOnlySpan<byte> span = content.Span;
        var collector = new ExampleCollector(sourceName, options);
        var reader = new Utf8JsonReader(span, ReaderOptions);
        var lines = new LineCounter();
        try
        {
            if (!reader.Read())
            {
                throw new TextDataException(sourceName, null, null, "the source is empty; expected a JSON array of objects.");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new TextDataException(sourceName, lines.LineOf(span, reader.TokenStartIndex), null,
                    $"expected a JSON array of objects at the top level but found {Describe(reader.TokenType)}" +
                    (reader.TokenType == JsonTokenType.StartObject ? " (for one object per line, use FromJsonLines)." : "."));
            }

            int element = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int line = lines.LineOf(span, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new TextDataException(sourceName, line, null,
                        $"array element #{element} is {Describe(reader.TokenType)}; expected an object such as {Example(options)}.");
                }

                ReadObject(ref reader, collector, line);
                element++;
            }

            if (reader.Read())
            {
                throw new TextDataException(sourceName, lines.LineOf(span, reader.TokenStartIndex), null,
                    "unexpected content after the top-level JSON array.");
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(sourceName, ex);
        }

        return collector.Build();
    }

    public static TextDataSet ReadLines(byte[] bytes, string sourceName, TextDataLoaderOptions options)
    {
        options.Validate();
        ReadOnlyMemory<byte> content = Utf8Source.Validate(bytes, sourceName);
        ReadOnlySpan<byte> rest = content.Span;
        var collector = new ExampleCollector(sourceName, options);
        int line = 0;
        while (!rest.IsEmpty)
        {
            line++;
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> current = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            current = current.Trim(" \t\r"u8);
            if (current.IsEmpty)
            {
                continue;
            }

            var reader = new Utf8JsonReader(current, ReaderOptions);
            try
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new TextDataException(sourceName, line, null,
                        $"expected one JSON object per line but found {Describe(reader.TokenType)}" +
                        (reader.TokenType == JsonTokenType.StartArray ? " (for a JSON array of objects, use FromJson)." : "."));
                }

                ReadObject(ref reader, collector, line);
                if (reader.Read())
                {
                    throw new TextDataException(sourceName, line, null,
                        "unexpected content after the object; JSON lines needs exactly one object per line (no line breaks inside an object).");
                }
            }
            catch (JsonException ex)
            {
                throw new TextDataException(sourceName, line, null,
                    $"malformed JSON at byte {ex.BytePositionInLine + 1} of the line: {FirstSentence(ex.Message)} " +
                    "JSON lines needs exactly one complete object per line.", innerException: ex);
            }
        }

        return collector.Build();
    }

    /// <summary>Reads one object (the reader is on its StartObject) and adds it to the collector.</summary>
    private static void ReadObject(ref Utf8JsonReader reader, ExampleCollector collector, int line)
    {
        TextDataLoaderOptions options = collector.Options;
        string? text = null, text2 = null, label = null;
        bool hasText = false, hasText2 = false, hasLabel = false;
        List<string>? others = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(options.TextColumnName))
            {
                reader.Read();
                text = ReadText(ref reader, collector, options.TextColumnName, line);
                hasText = true;
            }
            else if (options.Text2ColumnName is not null && reader.ValueTextEquals(options.Text2ColumnName))
            {
                reader.Read();
                text2 = ReadText(ref reader, collector, options.Text2ColumnName, line);
                hasText2 = true;
            }
            else if (options.LabelColumnName is not null && reader.ValueTextEquals(options.LabelColumnName))
            {
                reader.Read();
                label = ReadLabel(ref reader, collector, options.LabelColumnName, line);
                hasLabel = true;
            }
            else
            {
                (others ??= []).Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }
        }

        if (!hasText || (options.Text2ColumnName is not null && !hasText2) || (options.LabelColumnName is not null && !hasLabel))
        {
            var found = new List<string>();
            if (hasText)
            {
                found.Add(options.TextColumnName);
            }

            if (hasText2)
            {
                found.Add(options.Text2ColumnName!);
            }

            if (hasLabel)
            {
                found.Add(options.LabelColumnName!);
            }

            found.AddRange(others ?? []);
            (string option, string column) = !hasText
                ? (options.TextColumnOptionName, options.TextColumnName)
                : options.Text2ColumnName is not null && !hasText2
                    ? ("Text2ColumnName", options.Text2ColumnName)
                    : ("LabelColumnName", options.LabelColumnName!);
            throw collector.MissingColumn(option, column, found, line, "object");
        }

        collector.Add(text, text2, label, line);
    }

    private static string? ReadText(ref Utf8JsonReader reader, ExampleCollector collector, string column, int line) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new TextDataException(collector.SourceName, line, column,
                $"the text must be a JSON string but is {Describe(reader.TokenType)}."),
        };

    private static string? ReadLabel(ref Utf8JsonReader reader, ExampleCollector collector, string column, int line) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => ExampleCollector.BooleanLabel(true),
            JsonTokenType.False => ExampleCollector.BooleanLabel(false),
            JsonTokenType.Null => null,
            _ => throw new TextDataException(collector.SourceName, line, column,
                $"the label must be a JSON string, number or boolean but is {Describe(reader.TokenType)}."),
        };

    private static TextDataException Malformed(string sourceName, JsonException ex) =>
        new(sourceName, ex.LineNumber is long l ? (int)l + 1 : null, null,
            $"malformed JSON at byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {FirstSentence(ex.Message)}", innerException: ex);

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "LineNumber: … | BytePositionInLine: …", which the location prefix already says.
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "nothing",
        _ => type.ToString(),
    };

    private static string Example(TextDataLoaderOptions options) =>
        options.LabelColumnName is null
            ? $"{{\"{options.TextColumnName}\": \"...\"}}"
            : $"{{\"{options.TextColumnName}\": \"...\", \"{options.LabelColumnName}\": \"...\"}}";

    /// <summary>Turns increasing byte offsets into 1-based line numbers in linear total time.</summary>
    private struct LineCounter
    {
        private long _offset;
        private int _line;

        public int LineOf(ReadOnlySpan<byte> bytes, long offset)
        {
            if (_line == 0)
            {
                _line = 1;
            }

            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += bytes[(int)_offset..(int)offset].Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}
