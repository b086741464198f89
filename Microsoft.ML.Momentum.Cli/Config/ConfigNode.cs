using System.Globalization;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The kind of a JSON value.</summary>
internal enum NodeKind { Object, Array, String, Number, True, False, Null }

/// <summary>A property of a JSON object, with the byte offset of its name.</summary>
internal sealed record ConfigProperty(string Name, long NameOffset, ConfigNode Value);

/// <summary>
/// A parsed JSON value that remembers where it came from (byte offset), so every error can name its line;
/// <see cref="System.Text.Json.Nodes.JsonNode"/> and <see cref="JsonDocument"/> do not keep positions.
/// </summary>
internal sealed class ConfigNode
{
    public required NodeKind Kind { get; init; }

    /// <summary>Byte offset of the value's first token.</summary>
    public required long Offset { get; init; }

    /// <summary>String value, or the number's text as written.</summary>
    public string? Text { get; init; }

    /// <summary>Object properties in file order (duplicates kept, so they can be reported).</summary>
    public IReadOnlyList<ConfigProperty> Properties { get; init; } = [];

    /// <summary>Array items.</summary>
    public IReadOnlyList<ConfigNode> Items { get; init; } = [];

    /// <summary>The first property named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public ConfigProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The value of property <paramref name="name"/>, or null.</summary>
    public ConfigNode? this[string name] => Property(name)?.Value;

    /// <summary>How the value reads in an error: "an object", "the string \"64\"", "2.5", "null".</summary>
    public string Describe() => Kind switch
    {
        NodeKind.Object => "an object",
        NodeKind.Array => "an array",
        NodeKind.String => $"the string \"{Text}\"",
        NodeKind.Number => Text!,
        NodeKind.True => "true",
        NodeKind.False => "false",
        _ => "null",
    };

    public double AsDouble() => double.Parse(Text!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Writes the value as plain JSON (comments dropped), e.g. to hand a sub-tree to another reader.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case NodeKind.Object:
                writer.WriteStartObject();
                foreach (var property in Properties)
                {
                    writer.WritePropertyName(property.Name);
                    property.Value.WriteTo(writer);
                }
                writer.WriteEndObject();
                break;
            case NodeKind.Array:
                writer.WriteStartArray();
                foreach (var item in Items) item.WriteTo(writer);
                writer.WriteEndArray();
                break;
            case NodeKind.String: writer.WriteStringValue(Text); break;
            case NodeKind.Number: writer.WriteRawValue(Text!, skipInputValidation: true); break;
            case NodeKind.True: writer.WriteBooleanValue(true); break;
            case NodeKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>The value as plain JSON text.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
