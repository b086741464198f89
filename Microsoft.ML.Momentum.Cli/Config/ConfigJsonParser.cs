using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Reads JSON with comments and trailing commas (the files <c>momentum init</c> writes are commented) into a
/// <see cref="ConfigNode"/> tree with positions; a syntax error becomes a <see cref="ConfigError"/> with its line.
/// </summary>
internal static class ConfigJsonParser
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>The root value, or null with the syntax error in <paramref name="error"/>.</summary>
    public static ConfigNode? Parse(SourceText source, out ConfigError? error)
    {
        error = null;
        var bytes = source.Bytes;
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        var skipped = source.Bytes.Length - bytes.Length;
        if (bytes.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            error = source.Error(0, "$", "the file is empty; expected a JSON object");
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(bytes, ReaderOptions);
            if (!reader.Read())
            {
                error = source.Error(0, "$", "the file is empty; expected a JSON object");
                return null;
            }
            var root = ReadValue(ref reader, skipped);
            if (reader.Read())
            {
                error = source.Error(skipped + reader.TokenStartIndex, "$", "invalid JSON: unexpected content after the end of the root object");
                return null;
            }
            return root;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            error = new ConfigError(source.FileName, line, column, "$", "invalid JSON: " + FirstSentence(e.Message));
            return null;
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, long shift)
    {
        var offset = shift + reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<ConfigProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameOffset = shift + reader.TokenStartIndex;
                    reader.Read();
                    properties.Add(new ConfigProperty(name, nameOffset, ReadValue(ref reader, shift)));
                }
                return new ConfigNode { Kind = NodeKind.Object, Offset = offset, Properties = properties };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadValue(ref reader, shift));
                return new ConfigNode { Kind = NodeKind.Array, Offset = offset, Items = items };
            }
            case JsonTokenType.String:
                return new ConfigNode { Kind = NodeKind.String, Offset = offset, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new ConfigNode { Kind = NodeKind.Number, Offset = offset, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new ConfigNode { Kind = NodeKind.True, Offset = offset };
            case JsonTokenType.False:
                return new ConfigNode { Kind = NodeKind.False, Offset = offset };
            default:
                return new ConfigNode { Kind = NodeKind.Null, Offset = offset };
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
