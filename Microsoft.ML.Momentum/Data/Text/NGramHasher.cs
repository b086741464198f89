namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// fastText-style hashed word n-grams: every run of 2 … <see cref="NGramLength"/> consecutive words is hashed
/// into one of <see cref="BucketCount"/> buckets. The hash is FNV-1a 64 (<see cref="Fnv1a64"/>) over the
/// words' UTF-8 bytes joined by a single space (0x20, which no token contains), modulo the bucket count, so a
/// bucket depends only on the words, never on the vocabulary, the process or the machine. Immutable.
/// </summary>
public sealed class NGramHasher
{
    /// <summary>The name of the hash scheme, saved with a model and checked when it is loaded.</summary>
    public const string HashScheme = "fnv1a64-utf8-space-joined";

    /// <summary>Creates a hasher.</summary>
    /// <param name="nGramLength">The longest n-gram, at least 2 (2 = bigrams).</param>
    /// <param name="bucketCount">The number of hash buckets, at least 1.</param>
    public NGramHasher(int nGramLength, int bucketCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nGramLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        NGramLength = nGramLength;
        BucketCount = bucketCount;
    }

    /// <summary>The longest n-gram hashed (n-grams of 2 … this length are hashed).</summary>
    public int NGramLength { get; }

    /// <summary>The number of hash buckets.</summary>
    public int BucketCount { get; }

    /// <summary>The 64-bit hash of the n-gram made of <paramref name="words"/>.</summary>
    /// <param name="words">The words, in order.</param>
    public static ulong Hash(params ReadOnlySpan<string> words)
    {
        ulong h = Fnv1a64.OffsetBasis;
        for (int i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                h = Fnv1a64.Append(h, (byte)' ');
            }

            h = Fnv1a64.Append(h, words[i].AsSpan());
        }

        return h;
    }

    /// <summary>The bucket (0 … <see cref="BucketCount"/> − 1) of the n-gram made of <paramref name="words"/>.</summary>
    /// <param name="words">The words, in order.</param>
    public int GetBucket(params ReadOnlySpan<string> words) => (int)(Hash(words) % (ulong)BucketCount);

    /// <summary>
    /// Appends the ids (<paramref name="firstId"/> + bucket) of every n-gram of the tokens
    /// [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>): first all bigrams in order,
    /// then all trigrams, and so on.
    /// </summary>
    internal void AppendIds(TokenBuffer tokens, int start, int count, int firstId, List<int> output)
    {
        for (int n = 2; n <= NGramLength; n++)
        {
            for (int i = start; i + n <= start + count; i++)
            {
                ulong h = Fnv1a64.Append(Fnv1a64.OffsetBasis, tokens[i]);
                for (int k = 1; k < n; k++)
                {
                    h = Fnv1a64.Append(Fnv1a64.Append(h, (byte)' '), tokens[i + k]);
                }

                output.Add(firstId + (int)(h % (ulong)BucketCount));
            }
        }
    }
}
