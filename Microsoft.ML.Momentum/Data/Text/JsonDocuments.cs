using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>Small helpers for the hand-written (reflection-free, AOT-safe) JSON documents of this folder.</summary>
internal static class JsonDocuments
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonDocument Parse(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The {what} is not valid JSON: {ex.Message}", ex);
        }
    }

    public static void CheckVersion(JsonElement root, string property, int supported, string what)
    {
        int version = GetInt(root, property, what);
        if (version > supported)
        {
            throw new InvalidDataException(
                $"The {what} has {property} {version}, but this version of Microsoft.ML.Momentum reads up to {supported}; upgrade the library to load it.");
        }

        if (version < 1)
        {
            throw new InvalidDataException($"The {what} has an invalid {property} {version}.");
        }
    }

    public static JsonElement Get(JsonElement owner, string property, string what)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out JsonElement value))
        {
            throw new InvalidDataException($"The {what} lacks the property '{property}'.");
        }

        return value;
    }

    public static int GetInt(JsonElement owner, string property, string what)
    {
        JsonElement e = Get(owner, property, what);
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)
            ? v
            : throw new InvalidDataException($"The {what}'s '{property}' must be a 32-bit integer.");
    }

    public static bool GetBool(JsonElement owner, string property, string what)
    {
        JsonElement e = Get(owner, property, what);
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidDataException($"The {what}'s '{property}' must be true or false."),
        };
    }

    public static string GetString(JsonElement owner, string property, string what)
    {
        JsonElement e = Get(owner, property, what);
        return e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new InvalidDataException($"The {what}'s '{property}' must be a string.");
    }

    public static string[] GetStringArray(JsonElement owner, string property, string what)
    {
        JsonElement e = Get(owner, property, what);
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"The {what}'s '{property}' must be an array of strings.");
        }

        var result = new string[e.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in e.EnumerateArray())
        {
            result[i++] = item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidDataException($"The {what}'s '{property}'[{i.ToString(CultureInfo.InvariantCulture)}] must be a string.");
        }

        return result;
    }

    public static int[] GetIntArray(JsonElement owner, string property, string what)
    {
        JsonElement e = Get(owner, property, what);
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"The {what}'s '{property}' must be an array of integers.");
        }

        var result = new int[e.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in e.EnumerateArray())
        {
            result[i++] = item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out int v)
                ? v
                : throw new InvalidDataException($"The {what}'s '{property}'[{i.ToString(CultureInfo.InvariantCulture)}] must be a 32-bit integer.");
        }

        return result;
    }
}
