namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// A labelled data set that the training loop can cut into minibatches in a given order. Implementations
/// may prepare batches in the background (prefetch); they must give the same batches for the same
/// arguments, whatever the timing.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of examples.</summary>
    int Count { get; }

    /// <summary>Class index of example <paramref name="index"/>.</summary>
    /// <param name="index">Example index in [0, <see cref="Count"/>).</param>
    int LabelOf(int index);

    /// <summary>The batches of <paramref name="order"/> from position <paramref name="firstPosition"/> on, in order.</summary>
    /// <param name="order">Example indices of the whole epoch, in the order to visit them.</param>
    /// <param name="firstPosition">Position in <paramref name="order"/> of the first example (non-zero when a run resumes mid-epoch).</param>
    /// <param name="batchSize">Examples per batch (the last batch may be smaller).</param>
    /// <param name="augment">Whether training-time augmentation applies.</param>
    /// <param name="epoch">The epoch number; augmentation draws depend on the source's seed, the epoch and the position only.</param>
    /// <param name="cancellation">Stops the enumeration.</param>
    IEnumerable<TrainingBatch> Batches(int[] order, int firstPosition, int batchSize, bool augment, int epoch, CancellationToken cancellation);
}
