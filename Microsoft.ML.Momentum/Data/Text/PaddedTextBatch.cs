namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// A batch in padded form for sequence models (e.g. TextCNN): a row-major [<see cref="Count"/>,
/// <see cref="SequenceLength"/>] int64 matrix of word ids (no n-grams; for pairs, text, separator, text2)
/// filled with <see cref="Vocabulary.PaddingId"/> (0) after each example's <see cref="Lengths"/> words.
/// </summary>
public sealed class PaddedTextBatch
{
    internal PaddedTextBatch(long[] ids, long[] lengths, long[] labels, int sequenceLength)
    {
        Ids = ids;
        Lengths = lengths;
        Labels = labels;
        SequenceLength = sequenceLength;
    }

    /// <summary>The number of examples (rows).</summary>
    public int Count => Lengths.Length;

    /// <summary>The row length: the longest example in the batch, but at least the requested minimum.</summary>
    public int SequenceLength { get; }

    /// <summary>The ids, row-major, <see cref="Count"/> × <see cref="SequenceLength"/> (int64).</summary>
    public long[] Ids { get; }

    /// <summary>Each example's number of words before the padding, at least 1 (int64).</summary>
    public long[] Lengths { get; }

    /// <summary>The class index of each example, or −1 when unlabelled or unknown (int64).</summary>
    public long[] Labels { get; }
}
