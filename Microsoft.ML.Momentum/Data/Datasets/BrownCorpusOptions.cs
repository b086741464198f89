namespace Microsoft.ML.Momentum.Data.Datasets;

/// <summary>How <see cref="BrownCorpusDataset"/> cuts the corpus into examples and splits it.</summary>
public sealed class BrownCorpusOptions
{
    /// <summary>
    /// The number of consecutive sentences of a document per example (the last example of a document may have
    /// fewer). Default 5. Single sentences (1) make a hard task (sentence-level Naive Bayes ≈ 31%).
    /// </summary>
    public int SentencesPerExample { get; set; } = 5;

    /// <summary>
    /// The fraction of each genre's documents held out for the test set (at least one document per genre).
    /// Default 0.2.
    /// </summary>
    public double TestFraction { get; set; } = 0.2;

    internal void Validate()
    {
        if (SentencesPerExample < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SentencesPerExample), SentencesPerExample, "SentencesPerExample must be at least 1.");
        }

        if (!(TestFraction > 0 && TestFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, "TestFraction must be in (0, 1).");
        }
    }
}
