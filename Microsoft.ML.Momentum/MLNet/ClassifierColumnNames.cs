namespace Microsoft.ML.Momentum;

/// <summary>The columns a classifier estimator reads and writes.</summary>
/// <param name="Label">The key-typed label.</param>
/// <param name="Feature">The image or text column.</param>
/// <param name="Score">The output score vector.</param>
/// <param name="PredictedLabel">The output predicted key.</param>
internal sealed record ClassifierColumnNames(string Label, string Feature, string Score, string PredictedLabel)
{
    /// <summary>Throws <see cref="ArgumentException"/> when a name is empty or two columns share one.</summary>
    public void Validate()
    {
        string[] names = [Label, Feature, Score, PredictedLabel];
        if (names.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("Every column name (label, input, score, predicted label) must be set.");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"The label, input, score and predicted-label columns must differ; got '{Label}', '{Feature}', '{Score}', '{PredictedLabel}'.");
        }
    }
}
