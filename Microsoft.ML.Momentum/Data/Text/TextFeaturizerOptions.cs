namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// How <see cref="TextFeaturizer.Fit"/> builds the featurizer from training data: tokenizer, vocabulary limits,
/// hashed n-grams and truncation.
/// </summary>
public sealed class TextFeaturizerOptions
{
    /// <summary>The tokenizer options.</summary>
    public TextTokenizerOptions Tokenizer { get; set; } = new();

    /// <summary>
    /// The most words kept per example: the first <c>MaxTokens</c> words; the rest of a longer document is
    /// ignored (n-grams are computed from the kept words only). For sentence pairs this is the total of both
    /// texts plus the separator, trimmed from the longer text first. Default 512.
    /// </summary>
    public int MaxTokens { get; set; } = 512;

    /// <summary>Words seen fewer times in the training data map to the unknown id. Default 1 (fastText's default).</summary>
    public int MinCount { get; set; } = 1;

    /// <summary>
    /// The most vocabulary ids, including the 3 reserved ones (padding, unknown, separator); the most frequent
    /// words are kept. Default 100,000.
    /// </summary>
    public int MaxVocabularySize { get; set; } = 100_000;

    /// <summary>
    /// The longest hashed word n-gram: 2 (the default) adds bigrams, 3 adds bigrams and trigrams; 1 turns
    /// n-grams off (plain bag of words, or sequence models).
    /// </summary>
    public int NGramLength { get; set; } = 2;

    /// <summary>The number of n-gram hash buckets (ids after the vocabulary). Default 100,000. Ignored when <see cref="NGramLength"/> is 1.</summary>
    public int NGramBuckets { get; set; } = 100_000;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Tokenizer, nameof(Tokenizer));
        Tokenizer.Validate();
        if (MaxTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must be at least 1.");
        }

        if (MinCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "MinCount must be at least 1.");
        }

        if (MaxVocabularySize < Vocabulary.ReservedCount + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxVocabularySize), MaxVocabularySize,
                $"MaxVocabularySize counts the {Vocabulary.ReservedCount} reserved ids and must be at least {Vocabulary.ReservedCount + 1}.");
        }

        if (NGramLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NGramLength), NGramLength, "NGramLength must be at least 1 (1 = no n-grams).");
        }

        if (NGramLength > 1 && NGramBuckets < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NGramBuckets), NGramBuckets, "NGramBuckets must be at least 1 when NGramLength > 1.");
        }

        if ((long)MaxVocabularySize + (NGramLength > 1 ? NGramBuckets : 0) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(NGramBuckets), NGramBuckets, "MaxVocabularySize + NGramBuckets must fit in a 32-bit id.");
        }
    }
}
