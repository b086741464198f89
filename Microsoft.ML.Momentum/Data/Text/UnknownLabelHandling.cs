namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// What <see cref="TextFeaturizer.Featurize(TextDataSet, UnknownLabelHandling, CancellationToken)"/> does with an example whose label
/// is not in the featurizer's <see cref="LabelMap"/> (a class never seen in training).
/// </summary>
public enum UnknownLabelHandling
{
    /// <summary>Throw a <see cref="TextDataException"/> naming the example's location, the label and the known classes. The default.</summary>
    Error = 0,

    /// <summary>Leave the example out and count it (<see cref="FeaturizedTextDataSet.SkippedUnknownLabelCount"/>).</summary>
    Skip = 1,

    /// <summary>
    /// Keep the example with class index −1 (<see cref="FeaturizedTextDataSet.UnknownClass"/>), e.g. for
    /// evaluation, where such an example can only be predicted wrongly. Never train on such labels.
    /// </summary>
    Keep = 2,
}
