namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// A batch in EmbeddingBag form: all examples' ids (words, then hashed n-grams) in one flat array, and each
/// example's start offset in it (PyTorch's <c>EmbeddingBag(input, offsets)</c> with 1-D input). Example
/// <c>i</c>'s ids are <c>Ids[Offsets[i] .. (i + 1 &lt; Count ? Offsets[i + 1] : Ids.Length)]</c>; no bag is empty.
/// </summary>
public sealed class PackedTextBatch
{
    internal PackedTextBatch(long[] ids, long[] offsets, long[] labels)
    {
        Ids = ids;
        Offsets = offsets;
        Labels = labels;
    }

    /// <summary>The number of examples.</summary>
    public int Count => Offsets.Length;

    /// <summary>The flat ids (int64, as libtorch expects).</summary>
    public long[] Ids { get; }

    /// <summary>The start of each example in <see cref="Ids"/>, <see cref="Count"/> entries (int64).</summary>
    public long[] Offsets { get; }

    /// <summary>The class index of each example, or −1 when unlabelled or unknown (int64).</summary>
    public long[] Labels { get; }
}
