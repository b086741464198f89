using System.Globalization;
using System.Text.RegularExpressions;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Checks a <see cref="ConfigNode"/> tree against the <see cref="ObjectSpec"/> tables: unknown fields (with the
/// closest valid name), duplicates, missing required fields, JSON types, ranges, allowed values and
/// scenario-specific fields. Embedded optimizers and schedules go to <see cref="PolymorphicValidator"/>.
/// </summary>
internal static class SpecValidator
{
    public static void ValidateObject(ConfigNode node, ObjectSpec spec, string path, ValidationContext context)
    {
        if (node.Kind != NodeKind.Object)
        {
            context.Add(node.Offset, path, $"expected an object, got {node.Describe()}");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            var childPath = ConfigPath.Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                context.Add(property.NameOffset, childPath, $"duplicate field '{property.Name}'");
                continue;
            }
            if (spec.Field(property.Name) is not { } field)
            {
                var names = spec.Fields.Select(f => f.Name).ToArray();
                context.Add(property.NameOffset, childPath, $"unknown field '{property.Name}'{Suggestions.Hint(property.Name, names)}");
                continue;
            }
            if (field.Scenario is { } only && context.Scenario is { } scenario && only != scenario)
            {
                context.Add(property.NameOffset, childPath, $"'{field.Name}' applies only to scenario '{only}', not '{scenario}'");
                continue;
            }
            ValidateValue(property.Value, field, childPath, context);
        }
        foreach (var field in spec.Fields.Where(f => f.Required && !seen.Contains(f.Name)))
        {
            context.Add(node.Offset, path, $"missing required field '{field.Name}'");
        }
    }

    public static void ValidateValue(ConfigNode value, FieldSpec field, string path, ValidationContext context)
    {
        switch (field.Type)
        {
            case FieldType.String:
                if (Expect(value, NodeKind.String, "a string", path, context)) ValidateString(value, field, path, context);
                break;
            case FieldType.Boolean:
                if (value.Kind is not (NodeKind.True or NodeKind.False)) context.Add(value.Offset, path, $"expected true or false, got {value.Describe()}");
                break;
            case FieldType.Integer:
                ValidateInteger(value, field, path, context);
                break;
            case FieldType.Number:
                if (Expect(value, NodeKind.Number, "a number", path, context)) ValidateRange(value, value.AsDouble(), field, path, context);
                break;
            case FieldType.Object:
                ValidateObject(value, field.Object!, path, context);
                break;
            case FieldType.StringArray:
                if (!Expect(value, NodeKind.Array, "an array of strings", path, context)) break;
                for (var i = 0; i < value.Items.Count; i++)
                {
                    var item = value.Items[i];
                    if (item.Kind != NodeKind.String || item.Text!.Length == 0)
                    {
                        context.Add(item.Offset, ConfigPath.Item(path, i), $"expected a non-empty string, got {item.Describe()}");
                    }
                }
                break;
            case FieldType.Optimizer:
                PolymorphicValidator.Validate(value, PolymorphicKind.Optimizer, path, context);
                break;
            case FieldType.Schedule:
                PolymorphicValidator.Validate(value, PolymorphicKind.Schedule, path, context);
                break;
        }
    }

    private static bool Expect(ConfigNode value, NodeKind kind, string what, string path, ValidationContext context)
    {
        if (value.Kind == kind) return true;
        context.Add(value.Offset, path, $"expected {what}, got {value.Describe()}");
        return false;
    }

    private static void ValidateString(ConfigNode value, FieldSpec field, string path, ValidationContext context)
    {
        var text = value.Text!;
        if (field.NonEmpty && text.Trim().Length == 0)
        {
            context.Add(value.Offset, path, "must not be empty");
        }
        else if (field.Values is { } values && !values.Contains(text, StringComparer.Ordinal))
        {
            context.Add(value.Offset, path, $"'{text}' is not a valid {field.Name}{Suggestions.Hint(text, values.ToArray())}");
        }
        else if (field.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
        {
            context.Add(value.Offset, path, $"'{text}' is not a valid {field.Name}; expected {field.PatternDescription}");
        }
    }

    private static void ValidateInteger(ConfigNode value, FieldSpec field, string path, ValidationContext context)
    {
        if (!Expect(value, NodeKind.Number, "an integer", path, context)) return;
        var number = value.AsDouble();
        if (number != Math.Floor(number) || double.IsInfinity(number))
        {
            context.Add(value.Offset, path, $"expected an integer, got {value.Text}");
            return;
        }
        ValidateRange(value, number, field, path, context);
    }

    private static void ValidateRange(ConfigNode value, double number, FieldSpec field, string path, ValidationContext context)
    {
        if (!double.IsFinite(number))
        {
            context.Add(value.Offset, path, $"expected a finite number, got {value.Text}");
            return;
        }
        var low = field.Minimum is not { } min || (field.ExclusiveMinimum ? number > min : number >= min);
        var high = field.Maximum is not { } max || (field.ExclusiveMaximum ? number < max : number <= max);
        if (low && high) return;
        context.Add(value.Offset, path, $"must be {RangeText(field)}, got {value.Text}");
    }

    /// <summary>"in [0, 1)", "&gt;= 1", "&gt; 0".</summary>
    public static string RangeText(FieldSpec field)
    {
        static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        return (field.Minimum, field.Maximum) switch
        {
            ({ } min, { } max) => $"in {(field.ExclusiveMinimum ? "(" : "[")}{F(min)}, {F(max)}{(field.ExclusiveMaximum ? ")" : "]")}",
            ({ } min, null) => $"{(field.ExclusiveMinimum ? ">" : ">=")} {F(min)}",
            (null, { } max) => $"{(field.ExclusiveMaximum ? "<" : "<=")} {F(max)}",
            _ => "finite",
        };
    }
}
