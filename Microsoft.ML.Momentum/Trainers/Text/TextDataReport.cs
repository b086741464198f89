namespace Microsoft.ML.Momentum.Trainers;

/// <summary>What preparing the training data did: examples loaded, skipped and truncated, the split, and the vocabulary built.</summary>
public sealed record TextDataReport
{
    /// <summary>Examples loaded from the source (empty ones skipped).</summary>
    public required int LoadedCount { get; init; }

    /// <summary>Examples skipped because their text was empty or white space.</summary>
    public required int SkippedEmptyTextCount { get; init; }

    /// <summary>Where they were: 1-based source lines for files, positions for in-memory examples.</summary>
    public required IReadOnlyList<int> SkippedEmptyTextLines { get; init; }

    /// <summary>Examples trained on.</summary>
    public required int TrainCount { get; init; }

    /// <summary>Validation examples (held out or from the validation set); 0 without validation.</summary>
    public required int ValidationCount { get; init; }

    /// <summary>Training examples longer than MaxTokens words, of which only the first MaxTokens were used.</summary>
    public required int TruncatedCount { get; init; }

    /// <summary>Vocabulary entries, the 3 reserved ids included.</summary>
    public required int VocabularySize { get; init; }

    /// <summary>Embedding rows: vocabulary plus n-gram buckets.</summary>
    public required int IdCount { get; init; }

    /// <summary>Time spent loading, splitting and featurizing.</summary>
    public required TimeSpan Elapsed { get; init; }
}
