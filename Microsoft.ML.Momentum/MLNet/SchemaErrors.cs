using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// Schema errors worded as ML.NET's own trainers word them: an <see cref="ArgumentOutOfRangeException"/> saying
/// "Could not find {role} column '{name}'" or "Schema mismatch for {role} column '{name}': expected {type}, got {type}".
/// </summary>
internal static class SchemaErrors
{
    /// <summary>The column is not in the schema.</summary>
    public static ArgumentOutOfRangeException Missing(string parameter, string role, string column)
        => new(parameter, $"Could not find {role} column '{column}'");

    /// <summary>The column has another type than the one expected.</summary>
    public static ArgumentOutOfRangeException Mismatch(string parameter, string role, string column, string expected, string found)
        => new(parameter, $"Schema mismatch for {role} column '{column}': expected {expected}, got {found}");

    /// <summary>A schema shape column's type the way ML.NET prints it (<c>Vector&lt;Byte&gt;</c>, <c>Key&lt;UInt32&gt;</c>, <c>String</c>).</summary>
    public static string TypeOf(SchemaShape.Column column)
    {
        var item = column.ItemType.ToString() ?? "?";
        if (column.IsKey) item = $"Key<{item}>";
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}>",
            SchemaShape.Column.VectorKind.VariableVector => $"VarVector<{item}>",
            _ => item,
        };
    }

    /// <summary>A column type the way ML.NET prints it.</summary>
    public static string TypeOf(DataViewType type) => type switch
    {
        KeyDataViewType key => $"Key<{key.RawType.Name}, {key.Count}>",
        VectorDataViewType vector => vector.Size > 0 ? $"Vector<{TypeOf(vector.ItemType)}, {vector.Size}>" : $"Vector<{TypeOf(vector.ItemType)}>",
        _ => type.ToString() ?? type.RawType.Name,
    };
}
