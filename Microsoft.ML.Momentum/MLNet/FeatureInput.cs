using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The input column a classifier reads (images or text): which column types it accepts, checked on a schema
/// shape at pipeline construction and on a schema at fit and transform time, and a reader that copies the
/// current row's value into an item the model predicts from.
/// </summary>
/// <typeparam name="TItem">What the model predicts from (a decoded image, a string).</typeparam>
internal abstract class FeatureInput<TItem>
{
    /// <summary>The column's role in messages ("image", "text").</summary>
    public abstract string Role { get; }

    /// <summary>The accepted types in messages.</summary>
    public abstract string ExpectedType { get; }

    /// <summary>True when a column of this shape can be read.</summary>
    public abstract bool Accepts(SchemaShape.Column column);

    /// <summary>True when a column of this type can be read.</summary>
    public abstract bool Accepts(DataViewType type);

    /// <summary>A reader of the current row's value of <paramref name="column"/> on <paramref name="row"/>; each item it returns is the caller's own.</summary>
    public abstract Func<TItem> CreateReader(DataViewRow row, DataViewSchema.Column column);

    /// <summary>Throws ML.NET's schema error when the shape has no readable column <paramref name="name"/>.</summary>
    public void CheckShape(SchemaShape input, string name)
    {
        var column = input.FirstOrDefault(c => c.Name == name);
        if (column.Name is null) throw SchemaErrors.Missing("inputSchema", Role, name);
        if (!Accepts(column)) throw SchemaErrors.Mismatch("inputSchema", Role, name, ExpectedType, SchemaErrors.TypeOf(column));
    }

    /// <summary>The readable column <paramref name="name"/> of <paramref name="schema"/>; throws ML.NET's schema error otherwise.</summary>
    public DataViewSchema.Column Find(DataViewSchema schema, string name, string parameter)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaErrors.Missing(parameter, Role, name);
        if (!Accepts(column.Type)) throw SchemaErrors.Mismatch(parameter, Role, name, ExpectedType, SchemaErrors.TypeOf(column.Type));
        return column;
    }
}
