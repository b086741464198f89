using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The key-typed label column a trainer reads (from <c>MapValueToKey</c>): its class count, the class names its
/// <c>KeyValues</c> annotation gives (the key's 1-based numbers when it has none), and a reader that turns each
/// row's key into a 0-based class index, or −1 for the missing key 0.
/// </summary>
internal sealed class KeyLabel
{
    private const string Role = "label";
    private const string Expected = "Key";

    private KeyLabel(DataViewSchema.Column column, int count, IReadOnlyList<string> classNames)
    {
        Column = column;
        Count = count;
        ClassNames = classNames;
    }

    /// <summary>The label column.</summary>
    public DataViewSchema.Column Column { get; }

    /// <summary>Number of classes (the key's count).</summary>
    public int Count { get; }

    /// <summary>Class names by 0-based key index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Throws ML.NET's schema error when the shape has no key column <paramref name="name"/>.</summary>
    public static SchemaShape.Column CheckShape(SchemaShape input, string name)
    {
        var column = input.FirstOrDefault(c => c.Name == name);
        if (column.Name is null) throw SchemaErrors.Missing("inputSchema", Role, name);
        if (!column.IsKey || column.Kind != SchemaShape.Column.VectorKind.Scalar)
        {
            throw SchemaErrors.Mismatch("inputSchema", Role, name, Expected, SchemaErrors.TypeOf(column));
        }
        return column;
    }

    /// <summary>The label column <paramref name="name"/> of <paramref name="schema"/>; throws ML.NET's schema error when it is missing or not a known-size key.</summary>
    public static KeyLabel From(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaErrors.Missing("input", Role, name);
        if (column.Type is not KeyDataViewType { Count: >= 2 and <= int.MaxValue } key)
        {
            throw SchemaErrors.Mismatch("input", Role, name, "Key with 2 or more values", SchemaErrors.TypeOf(column.Type));
        }
        var count = (int)key.Count;
        return new KeyLabel(column, count, NamesOf(column, count));
    }

    /// <summary>A reader of the current row's 0-based class index (−1 for a missing key) on <paramref name="row"/>.</summary>
    public Func<int> CreateReader(DataViewRow row)
    {
        var count = (ulong)Count;
        Func<ulong> read = Column.Type.RawType switch
        {
            var t when t == typeof(byte) => Read<byte>(row, v => v),
            var t when t == typeof(ushort) => Read<ushort>(row, v => v),
            var t when t == typeof(uint) => Read<uint>(row, v => v),
            _ => Read<ulong>(row, v => v),
        };
        return () =>
        {
            var key = read();
            return key == 0 || key > count ? -1 : (int)(key - 1);
        };
    }

    private Func<ulong> Read<T>(DataViewRow row, Func<T, ulong> widen)
    {
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return widen(value);
        };
    }

    private static IReadOnlyList<string> NamesOf(DataViewSchema.Column column, int count)
    {
        var names = column.Annotations.Schema.GetColumnOrNull(AnnotationNames.KeyValues)?.Type is VectorDataViewType { ItemType: var item }
            ? item.RawType switch
            {
                var t when t == typeof(ReadOnlyMemory<char>) => KeyValues<ReadOnlyMemory<char>>(column, v => v.ToString()),
                var t when t == typeof(float) => KeyValues<float>(column, v => v.ToString("R", CultureInfo.InvariantCulture)),
                var t when t == typeof(double) => KeyValues<double>(column, v => v.ToString("R", CultureInfo.InvariantCulture)),
                var t when t == typeof(int) => KeyValues<int>(column, v => v.ToString(CultureInfo.InvariantCulture)),
                var t when t == typeof(uint) => KeyValues<uint>(column, v => v.ToString(CultureInfo.InvariantCulture)),
                var t when t == typeof(long) => KeyValues<long>(column, v => v.ToString(CultureInfo.InvariantCulture)),
                var t when t == typeof(bool) => KeyValues<bool>(column, v => v ? "true" : "false"),
                _ => null,
            }
            : null;
        if (names is null || names.Length != count) names = Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The label column '{column.Name}' has the key value '{duplicate}' more than once; class names must be distinct.");
        }
        return names;
    }

    private static string[] KeyValues<T>(DataViewSchema.Column column, Func<T, string> format)
    {
        VBuffer<T> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(format).ToArray();
    }
}
