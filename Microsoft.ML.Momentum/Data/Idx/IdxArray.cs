namespace Microsoft.ML.Momentum.Data.Idx;

/// <summary>An unsigned-byte array read from an IDX file.</summary>
/// <param name="Dimensions">Dimension sizes, outermost first (e.g. [60000, 28, 28]).</param>
/// <param name="Data">The elements, row-major.</param>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>Size of the outermost dimension (the number of items).</summary>
    public int Count => Dimensions[0];

    /// <summary>Elements per item (product of the inner dimensions).</summary>
    public int ItemLength => Dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
}
