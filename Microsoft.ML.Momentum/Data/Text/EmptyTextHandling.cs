namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>What a loader does with an example whose text is empty or only white space.</summary>
public enum EmptyTextHandling
{
    /// <summary>
    /// Skip the example and count it: <see cref="TextDataSet.SkippedEmptyTextCount"/> and
    /// <see cref="TextDataSet.SkippedEmptyTextLines"/> report what was skipped. The default.
    /// </summary>
    Skip = 0,

    /// <summary>Throw a <see cref="TextDataException"/> naming the source, line and column.</summary>
    Error = 1,
}
