using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>Which registry an embedded object belongs to.</summary>
internal enum PolymorphicKind { Optimizer, Schedule }

/// <summary>
/// Validates an optimizer or schedule embedded in a config against the library's own JSON metadata
/// (<see cref="OptimizerJson"/>): the <c>"name"</c> and every field are checked here so errors carry the full
/// path, the line and the closest valid name; then the library reads the object, and its range errors (thrown
/// by the hyper-parameters' setters) are mapped back to the field's path and line.
/// </summary>
internal static class PolymorphicValidator
{
    public static void Validate(ConfigNode node, PolymorphicKind kind, string path, ValidationContext context)
    {
        var before = context.ErrorCount;
        var baseType = kind == PolymorphicKind.Optimizer ? typeof(Optimizer) : typeof(Schedule);
        CheckObject(node, baseType, path, context);
        if (context.ErrorCount > before) return;
        try
        {
            if (kind == PolymorphicKind.Optimizer) OptimizerJson.Deserialize(node.ToJson()).Dispose();
            else OptimizerJson.DeserializeSchedule(node.ToJson());
        }
        catch (JsonException e)
        {
            context.Add(Locate(node, path, e));
        }

        ConfigError Locate(ConfigNode root, string rootPath, JsonException e)
        {
            if (e.InnerException is ArgumentException argument && argument.ParamName is { } parameter)
            {
                var found = FindProperty(root, rootPath, JsonNamingPolicy.CamelCase.ConvertName(parameter));
                var message = argument.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal).TrimEnd('.');
                return found is { } at
                    ? context.Source.Error(at.Node.Offset, at.Path, message)
                    : context.Source.Error(root.Offset, rootPath, message);
            }
            var relative = e.Path is { Length: > 0 } p && p.StartsWith('$') ? p[1..] : "";
            var text = e.InnerException?.Message ?? e.Message;
            var cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
            return context.Source.Error(root.Offset, rootPath + relative, (cut > 0 ? text[..cut] : text).TrimEnd('.'));
        }
    }

    private static void CheckObject(ConfigNode node, Type baseType, string path, ValidationContext context)
    {
        var label = Label(baseType);
        if (node.Kind != NodeKind.Object)
        {
            var hint = node.Kind == NodeKind.String ? $"; write {{\"name\": \"{node.Text}\"}}" : "";
            context.Add(node.Offset, path, $"expected {(label.StartsWith('o') ? "an" : "a")} {label} object, got {node.Describe()}{hint}");
            return;
        }
        var options = OptimizerJson.Options;
        var derived = options.GetTypeInfo(baseType).PolymorphismOptions!.DerivedTypes
            .ToDictionary(d => (string)d.TypeDiscriminator!, d => d.DerivedType, StringComparer.Ordinal);
        if (node.Property("name") is not { } nameProperty)
        {
            context.Add(node.Offset, path, $"missing required field 'name' (the {label}: {string.Join(", ", derived.Keys)})");
            return;
        }
        var namePath = ConfigPath.Child(path, "name");
        if (nameProperty.Value.Kind != NodeKind.String)
        {
            context.Add(nameProperty.Value.Offset, namePath, $"expected a string, got {nameProperty.Value.Describe()}");
            return;
        }
        var name = nameProperty.Value.Text!;
        if (!derived.TryGetValue(name, out var type))
        {
            context.Add(nameProperty.Value.Offset, namePath, $"unknown {label} '{name}'{Suggestions.Hint(name, derived.Keys)}");
            return;
        }
        var properties = options.GetTypeInfo(type).Properties.Where(p => p.Get is not null || p.Set is not null).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var settable = properties.Values.Where(p => p.Set is not null).Select(p => p.Name).Prepend("name").ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            var childPath = ConfigPath.Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                context.Add(property.NameOffset, childPath, $"duplicate field '{property.Name}'");
            }
            else if (property.Name == "name")
            {
                continue;
            }
            else if (!properties.TryGetValue(property.Name, out var info))
            {
                context.Add(property.NameOffset, childPath, $"unknown field '{property.Name}' for {label} '{name}'{Suggestions.Hint(property.Name, settable)}");
            }
            else if (info.Set is null)
            {
                context.Add(property.NameOffset, childPath, $"'{property.Name}' is computed by the {label} and cannot be set; remove it");
            }
            else
            {
                CheckValue(property.Value, info.PropertyType, childPath, property.Name, context);
            }
        }
    }

    private static void CheckValue(ConfigNode value, Type type, string path, string field, ValidationContext context)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.Kind == NodeKind.Null)
        {
            if (underlying is null && type.IsValueType) context.Add(value.Offset, path, $"expected {Expected(type)}, got null");
            return;
        }
        type = underlying ?? type;
        if (type == typeof(double) || type == typeof(float))
        {
            if (value.Kind != NodeKind.Number) context.Add(value.Offset, path, $"expected a number, got {value.Describe()}");
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            if (value.Kind != NodeKind.Number || value.AsDouble() != Math.Floor(value.AsDouble()))
            {
                context.Add(value.Offset, path, $"expected an integer, got {value.Describe()}");
            }
        }
        else if (type == typeof(bool))
        {
            if (value.Kind is not (NodeKind.True or NodeKind.False)) context.Add(value.Offset, path, $"expected true or false, got {value.Describe()}");
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToArray();
            if (value.Kind != NodeKind.String)
            {
                context.Add(value.Offset, path, $"expected one of {string.Join(", ", names)}, got {value.Describe()}");
            }
            else if (!names.Contains(value.Text!, StringComparer.OrdinalIgnoreCase))
            {
                context.Add(value.Offset, path, $"'{value.Text}' is not a valid {field}{Suggestions.Hint(value.Text!, names)}");
            }
        }
        else if (typeof(Schedule).IsAssignableFrom(type) || typeof(LearningRateController).IsAssignableFrom(type))
        {
            CheckObject(value, type, path, context);
        }
        else if (ElementType(type) is { } element)
        {
            if (value.Kind != NodeKind.Array)
            {
                context.Add(value.Offset, path, $"expected an array, got {value.Describe()}");
                return;
            }
            for (var i = 0; i < value.Items.Count; i++) CheckValue(value.Items[i], element, ConfigPath.Item(path, i), field, context);
        }
    }

    private static string Expected(Type type)
        => type == typeof(bool) ? "true or false" : type == typeof(int) || type == typeof(long) ? "an integer" : "a number";

    private static Type? ElementType(Type type)
        => type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
            : null;

    /// <summary>"optimizer", "schedule" or "controller", for messages.</summary>
    public static string Label(Type type)
        => typeof(Optimizer).IsAssignableFrom(type) ? "optimizer"
            : typeof(Schedule).IsAssignableFrom(type) ? "schedule"
            : "controller";

    /// <summary>The first property named <paramref name="name"/> in <paramref name="node"/> or below (depth first).</summary>
    private static (ConfigNode Node, string Path)? FindProperty(ConfigNode node, string path, string name)
    {
        foreach (var property in node.Properties)
        {
            var childPath = ConfigPath.Child(path, property.Name);
            if (property.Name == name) return (property.Value, childPath);
        }
        foreach (var property in node.Properties)
        {
            if (FindProperty(property.Value, ConfigPath.Child(path, property.Name), name) is { } found) return found;
        }
        return null;
    }
}
