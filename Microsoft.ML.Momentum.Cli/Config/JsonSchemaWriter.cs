using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of a training config from <see cref="ConfigSchema"/> and, for the
/// embedded optimizers, schedules and controllers, from the library's JSON metadata; docs/config.schema.json is
/// this output (<c>momentum schema</c>), and a test keeps them equal.
/// </summary>
internal static class JsonSchemaWriter
{
    public static string Generate()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", "config.schema.json");
            w.WriteString("title", "momentum training configuration");
            WriteObjectBody(w, ConfigSchema.Root);
            w.WriteStartObject("$defs");
            foreach (var section in ConfigSchema.Sections.Skip(1))
            {
                w.WriteStartObject(section.Name);
                WriteObjectBody(w, section);
                w.WriteEndObject();
            }
            WritePolymorphic(w, "optimizer", typeof(Optimizer));
            WritePolymorphic(w, "schedule", typeof(Schedule));
            WritePolymorphic(w, "controller", typeof(LearningRateController));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteObjectBody(Utf8JsonWriter w, ObjectSpec spec)
    {
        w.WriteString("description", spec.Description);
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var field in spec.Fields)
        {
            w.WriteStartObject(field.Name);
            WriteField(w, field);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        var required = spec.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
        if (required.Length > 0)
        {
            w.WriteStartArray("required");
            foreach (var name in required) w.WriteStringValue(name);
            w.WriteEndArray();
        }
        w.WriteBoolean("additionalProperties", false);
    }

    private static void WriteField(Utf8JsonWriter w, FieldSpec field)
    {
        var description = field.Scenario is { } only ? $"{field.Description} Only for scenario {only}." : field.Description;
        w.WriteString("description", description);
        switch (field.Type)
        {
            case FieldType.Object: w.WriteString("$ref", $"#/$defs/{field.Object!.Name}"); break;
            case FieldType.Optimizer: w.WriteString("$ref", "#/$defs/optimizer"); break;
            case FieldType.Schedule: w.WriteString("$ref", "#/$defs/schedule"); break;
            case FieldType.StringArray:
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                w.WriteNumber("minLength", 1);
                w.WriteEndObject();
                break;
            default:
                w.WriteString("type", field.Type switch
                {
                    FieldType.Integer => "integer",
                    FieldType.Number => "number",
                    FieldType.Boolean => "boolean",
                    _ => "string",
                });
                break;
        }
        if (field.Values is { } values)
        {
            w.WriteStartArray("enum");
            foreach (var value in values) w.WriteStringValue(value);
            w.WriteEndArray();
        }
        if (field.Pattern is { } pattern) w.WriteString("pattern", pattern);
        if (field.NonEmpty) w.WriteNumber("minLength", 1);
        if (field.Minimum is { } min) w.WriteNumber(field.ExclusiveMinimum ? "exclusiveMinimum" : "minimum", min);
        if (field.Maximum is { } max) w.WriteNumber(field.ExclusiveMaximum ? "exclusiveMaximum" : "maximum", max);
        if (field.Default is { } json)
        {
            w.WritePropertyName("default");
            w.WriteRawValue(json);
        }
    }

    private static void WritePolymorphic(Utf8JsonWriter w, string name, Type baseType)
    {
        var options = OptimizerJson.Options;
        w.WriteStartObject(name);
        w.WriteString("description", $"A {name} of the library, selected by \"name\" (OptimizerJson).");
        w.WriteString("type", "object");
        w.WriteStartArray("required");
        w.WriteStringValue("name");
        w.WriteEndArray();
        w.WriteStartArray("oneOf");
        foreach (var derived in options.GetTypeInfo(baseType).PolymorphismOptions!.DerivedTypes)
        {
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            w.WriteStartObject("name");
            w.WriteString("const", (string)derived.TypeDiscriminator!);
            w.WriteEndObject();
            foreach (var property in Settable(options.GetTypeInfo(derived.DerivedType)))
            {
                w.WriteStartObject(property.Name);
                WriteLibraryType(w, property.PropertyType);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The properties a JSON file may set (the reader rejects the others).</summary>
    public static IEnumerable<JsonPropertyInfo> Settable(JsonTypeInfo info) => info.Properties.Where(p => p.Set is not null);

    private static void WriteLibraryType(Utf8JsonWriter w, Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(Schedule).IsAssignableFrom(type)) { w.WriteString("$ref", "#/$defs/schedule"); return; }
        if (typeof(LearningRateController).IsAssignableFrom(type)) { w.WriteString("$ref", "#/$defs/controller"); return; }
        if (type.IsEnum)
        {
            w.WriteStartArray("enum");
            foreach (var value in Enum.GetNames(type)) w.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value));
            w.WriteEndArray();
            return;
        }
        if (type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element])
        {
            w.WriteString("type", "array");
            w.WriteStartObject("items");
            WriteLibraryType(w, element);
            w.WriteEndObject();
            return;
        }
        var json = type == typeof(bool) ? "boolean" : type == typeof(int) || type == typeof(long) ? "integer" : type == typeof(string) ? "string" : "number";
        if (nullable)
        {
            w.WriteStartArray("type");
            w.WriteStringValue(json);
            w.WriteStringValue("null");
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("type", json);
        }
    }
}
