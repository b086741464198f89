namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Examples turned into ids by a <see cref="TextFeaturizer"/>, stored compactly (one flat array), ready to be cut
/// into batches in any order. Each example's ids are its word sequence (for pairs: text, separator, text2) followed
/// by its hashed n-gram ids; an example with no words at all is the single id <see cref="Vocabulary.UnknownId"/>.
/// Immutable and thread-safe.
/// </summary>
public sealed class FeaturizedTextDataSet
{
    /// <summary>The class index of an unlabelled example or one whose label was not seen in training.</summary>
    public const int UnknownClass = -1;

    private readonly int[] _ids;
    private readonly int[] _starts;
    private readonly int[] _sequenceLengths;
    private readonly int[] _classes;
    private readonly int[] _sourceIndices;

    internal FeaturizedTextDataSet(int[] ids, int[] starts, int[] sequenceLengths, int[] classes, int[] sourceIndices,
        int truncatedCount, int skippedUnknownLabelCount, long wordCount, long unknownWordCount)
    {
        _ids = ids;
        _starts = starts;
        _sequenceLengths = sequenceLengths;
        _classes = classes;
        _sourceIndices = sourceIndices;
        TruncatedCount = truncatedCount;
        SkippedUnknownLabelCount = skippedUnknownLabelCount;
        WordCount = wordCount;
        UnknownWordCount = unknownWordCount;
    }

    /// <summary>The number of examples.</summary>
    public int Count => _sequenceLengths.Length;

    /// <summary>The number of ids over all examples (words, separators and n-grams).</summary>
    public long IdCount => _ids.Length;

    /// <summary>The number of words kept over all examples (after truncation; separators not counted).</summary>
    public long WordCount { get; }

    /// <summary>How many of <see cref="WordCount"/> mapped to <see cref="Vocabulary.UnknownId"/>.</summary>
    public long UnknownWordCount { get; }

    /// <summary>How many examples had more words than <see cref="TextFeaturizer.MaxTokens"/> and were truncated.</summary>
    public int TruncatedCount { get; }

    /// <summary>How many examples were left out because their label was not seen in training (<see cref="UnknownLabelHandling.Skip"/>).</summary>
    public int SkippedUnknownLabelCount { get; }

    /// <summary>The class index of every example (<see cref="UnknownClass"/> when unlabelled or unknown).</summary>
    public ReadOnlySpan<int> Classes => _classes;

    /// <summary>All of example <paramref name="index"/>'s ids: its word sequence, then its n-gram ids.</summary>
    /// <param name="index">A 0-based example index.</param>
    public ReadOnlySpan<int> GetIds(int index) => _ids.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Example <paramref name="index"/>'s word sequence (for pairs: text, separator, text2), without n-grams.</summary>
    /// <param name="index">A 0-based example index.</param>
    public ReadOnlySpan<int> GetSequence(int index) => _ids.AsSpan(_starts[index], _sequenceLengths[index]);

    /// <summary>Example <paramref name="index"/>'s class index, or <see cref="UnknownClass"/>.</summary>
    /// <param name="index">A 0-based example index.</param>
    public int GetClass(int index) => _classes[index];

    /// <summary>The index, in the data that was featurized, of example <paramref name="index"/> (they differ when examples were skipped).</summary>
    /// <param name="index">A 0-based example index.</param>
    public int GetSourceIndex(int index) => _sourceIndices[index];

    /// <summary>The examples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) in EmbeddingBag form.</summary>
    /// <param name="start">The first example.</param>
    /// <param name="count">The number of examples.</param>
    public PackedTextBatch GetPackedBatch(int start, int count) => GetPackedBatch(Range(start, count));

    /// <summary>The examples at <paramref name="indices"/>, in that order, in EmbeddingBag form (words and n-grams).</summary>
    /// <param name="indices">0-based example indices, e.g. a slice of a shuffled permutation.</param>
    public PackedTextBatch GetPackedBatch(ReadOnlySpan<int> indices)
    {
        long total = 0;
        foreach (int i in indices)
        {
            total += _starts[i + 1] - _starts[i];
        }

        var ids = new long[total];
        var offsets = new long[indices.Length];
        var labels = new long[indices.Length];
        int at = 0;
        for (int b = 0; b < indices.Length; b++)
        {
            int i = indices[b];
            offsets[b] = at;
            labels[b] = _classes[i];
            foreach (int id in GetIds(i))
            {
                ids[at++] = id;
            }
        }

        return new PackedTextBatch(ids, offsets, labels);
    }

    /// <summary>The examples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) in padded form.</summary>
    /// <param name="start">The first example.</param>
    /// <param name="count">The number of examples.</param>
    /// <param name="minLength">The least row length (e.g. a TextCNN's widest kernel).</param>
    public PaddedTextBatch GetPaddedBatch(int start, int count, int minLength = 1) => GetPaddedBatch(Range(start, count), minLength);

    /// <summary>
    /// The examples at <paramref name="indices"/>, in that order, in padded form: word sequences only (no n-grams),
    /// rows as long as the longest sequence in the batch (at least <paramref name="minLength"/>), padded with 0.
    /// </summary>
    /// <param name="indices">0-based example indices.</param>
    /// <param name="minLength">The least row length (e.g. a TextCNN's widest kernel), at least 1.</param>
    public PaddedTextBatch GetPaddedBatch(ReadOnlySpan<int> indices, int minLength = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        int width = minLength;
        foreach (int i in indices)
        {
            width = Math.Max(width, _sequenceLengths[i]);
        }

        var ids = new long[(long)indices.Length * width];
        var lengths = new long[indices.Length];
        var labels = new long[indices.Length];
        for (int b = 0; b < indices.Length; b++)
        {
            int i = indices[b];
            ReadOnlySpan<int> sequence = GetSequence(i);
            lengths[b] = sequence.Length;
            labels[b] = _classes[i];
            Span<long> row = ids.AsSpan(b * width, width);
            for (int k = 0; k < sequence.Length; k++)
            {
                row[k] = sequence[k];
            }
        }

        return new PaddedTextBatch(ids, lengths, labels, width);
    }

    private int[] Range(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((long)start + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Examples {start} … {start + count - 1} are out of range; there are {Count}.");
        }

        return Enumerable.Range(start, count).ToArray();
    }
}
