using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Minibatches of right-padded token ids cut from a <see cref="FeaturizedTextDataSet"/>: words and hashed
/// n-grams for bag models, or the word sequence alone for order-aware models (TextCNN, Transformer).
/// </summary>
public sealed class TextBatchSource : IBatchSource
{
    private readonly FeaturizedTextDataSet _data;
    private readonly bool _includeNGrams;

    /// <summary>Wraps featurized text.</summary>
    /// <param name="data">The featurized examples (every class must be known).</param>
    /// <param name="includeNGrams">True for bag models (words then n-grams), false for the word sequence only.</param>
    public TextBatchSource(FeaturizedTextDataSet data, bool includeNGrams)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _includeNGrams = includeNGrams;
        for (var i = 0; i < data.Count; i++)
        {
            if (data.GetClass(i) < 0) throw new ArgumentException($"Example {data.GetSourceIndex(i)} has a label unknown to the model.", nameof(data));
        }
    }

    /// <inheritdoc />
    public int Count => _data.Count;

    /// <inheritdoc />
    public int LabelOf(int index) => _data.GetClass(index);

    /// <inheritdoc />
    public IEnumerable<TrainingBatch> Batches(int[] order, int firstPosition, int batchSize, bool augment, int epoch, CancellationToken cancellation)
    {
        var batch = new TrainingBatch(batchSize, 0) { Tokens = [] };
        for (var start = firstPosition; start < order.Length; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Count = Math.Min(batchSize, order.Length - start);
            var indices = order.AsSpan(start, batch.Count);
            var tokens = batch.Tokens!;
            batch.SequenceLength = WriteTokens(_data, indices, _includeNGrams, ref tokens);
            batch.Tokens = tokens;
            for (var i = 0; i < indices.Length; i++) batch.Labels[i] = _data.GetClass(indices[i]);
            yield return batch;
        }
    }

    /// <summary>
    /// Writes the examples at <paramref name="indices"/> as rows of token ids right-padded with 0 to the longest
    /// (at least 1), growing <paramref name="tokens"/> when it is too small; returns the row length.
    /// </summary>
    /// <param name="data">The featurized examples.</param>
    /// <param name="indices">Which examples, in row order.</param>
    /// <param name="includeNGrams">Words and n-grams (bag models) or the word sequence only.</param>
    /// <param name="tokens">The buffer; rows × length entries are used.</param>
    internal static int WriteTokens(FeaturizedTextDataSet data, ReadOnlySpan<int> indices, bool includeNGrams, ref long[] tokens)
    {
        var length = 1;
        foreach (var index in indices) length = Math.Max(length, Ids(data, index, includeNGrams).Length);
        var needed = indices.Length * length;
        if (tokens.Length < needed) tokens = new long[Math.Max(needed, tokens.Length * 2)];
        var used = tokens.AsSpan(0, needed);
        used.Clear();
        for (var i = 0; i < indices.Length; i++)
        {
            var ids = Ids(data, indices[i], includeNGrams);
            var row = used.Slice(i * length, length);
            for (var t = 0; t < ids.Length; t++) row[t] = ids[t];
        }
        return length;
    }

    private static ReadOnlySpan<int> Ids(FeaturizedTextDataSet data, int index, bool includeNGrams)
        => includeNGrams ? data.GetIds(index) : data.GetSequence(index);
}
