namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Counts training tokens and builds a <see cref="Vocabulary"/>. Builders filled in parallel can be merged; the
/// result does not depend on the order in which tokens were added. Not thread-safe.
/// </summary>
public sealed class VocabularyBuilder
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _spanCounts;

    /// <summary>Creates an empty builder.</summary>
    public VocabularyBuilder() => _spanCounts = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of distinct tokens counted so far.</summary>
    public int DistinctCount => _counts.Count;

    /// <summary>Counts one occurrence of <paramref name="token"/>. Empty tokens and the reserved tokens are ignored.</summary>
    /// <param name="token">A token.</param>
    public void Add(string token) => Add(token.AsSpan());

    /// <summary>Counts one occurrence of each token.</summary>
    /// <param name="tokens">The tokens.</param>
    public void AddRange(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (string t in tokens)
        {
            Add(t);
        }
    }

    /// <summary>Adds another builder's counts to this one.</summary>
    /// <param name="other">The other builder.</param>
    public void Merge(VocabularyBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach ((string token, long count) in other._counts)
        {
            _counts[token] = _counts.GetValueOrDefault(token) + count;
        }
    }

    /// <summary>
    /// Builds the vocabulary: words counted at least <paramref name="minCount"/> times, the most frequent first
    /// (ties in ordinal order), cut so that the vocabulary has at most <paramref name="maxSize"/> ids including
    /// the reserved ones.
    /// </summary>
    /// <param name="minCount">The minimum count, at least 1.</param>
    /// <param name="maxSize">The most ids, at least <see cref="Vocabulary.ReservedCount"/>.</param>
    public Vocabulary Build(int minCount = 1, int maxSize = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, Vocabulary.ReservedCount);
        KeyValuePair<string, long>[] kept = _counts.Where(kv => kv.Value >= minCount).ToArray();
        Array.Sort(kept, static (a, b) =>
        {
            int byCount = b.Value.CompareTo(a.Value);
            return byCount != 0 ? byCount : string.CompareOrdinal(a.Key, b.Key);
        });
        int take = (int)Math.Min(kept.Length, (long)maxSize - Vocabulary.ReservedCount);
        return new Vocabulary(
            kept.Take(take).Select(kv => kv.Key).ToArray(),
            kept.Take(take).Select(kv => kv.Value).ToArray(),
            minCount, maxSize);
    }

    internal void Add(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || token.SequenceEqual(Vocabulary.PaddingToken) || token.SequenceEqual(Vocabulary.UnknownToken)
            || token.SequenceEqual(Vocabulary.SeparatorToken))
        {
            return;
        }

        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_spanCounts, token, out _)++;
    }
}
