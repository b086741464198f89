using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>A text column (<c>string</c> / <c>ReadOnlyMemory&lt;char&gt;</c>); a missing value reads as the empty text.</summary>
internal sealed class TextFeatureInput : FeatureInput<string>
{
    /// <summary>The one instance.</summary>
    public static TextFeatureInput Instance { get; } = new();

    private TextFeatureInput()
    {
    }

    /// <inheritdoc />
    public override string Role => "text";

    /// <inheritdoc />
    public override string ExpectedType => "String";

    /// <inheritdoc />
    public override bool Accepts(SchemaShape.Column column)
        => !column.IsKey && column.Kind == SchemaShape.Column.VectorKind.Scalar && column.ItemType is TextDataViewType;

    /// <inheritdoc />
    public override bool Accepts(DataViewType type) => type is TextDataViewType;

    /// <inheritdoc />
    public override Func<string> CreateReader(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            getter(ref value);
            return value.ToString();
        };
    }
}
