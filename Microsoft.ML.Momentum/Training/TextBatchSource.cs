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
            var length = 1;
            foreach (var index in indices) length = Math.Max(length, Ids(index).Length);
            var needed = batch.Count * length;
            if (batch.Tokens!.Length < needed) batch.Tokens = new long[Math.Max(needed, batch.Tokens.Length * 2)];
            var tokens = batch.Tokens.AsSpan(0, needed);
            tokens.Clear();
            for (var i = 0; i < indices.Length; i++)
            {
                var ids = Ids(indices[i]);
                var row = tokens.Slice(i * length, length);
                for (var t = 0; t < ids.Length; t++) row[t] = ids[t];
                batch.Labels[i] = _data.GetClass(indices[i]);
            }
            batch.SequenceLength = length;
            yield return batch;
        }
    }

    private ReadOnlySpan<int> Ids(int index) => _includeNGrams ? _data.GetIds(index) : _data.GetSequence(index);
}
