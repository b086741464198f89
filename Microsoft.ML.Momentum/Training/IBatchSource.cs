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

    /// <summary>The batches of <paramref name="order"/>, in order.</summary>
    /// <param name="order">Example indices, in the order to visit them.</param>
    /// <param name="batchSize">Examples per batch (the last batch may be smaller).</param>
    /// <param name="augment">Whether training-time augmentation applies.</param>
    /// <param name="augmentationSeed">Seed from which augmentation randomness is derived (with the batch index).</param>
    /// <param name="cancellation">Stops the enumeration.</param>
    IEnumerable<TrainingBatch> Batches(int[] order, int batchSize, bool augment, int augmentationSeed, CancellationToken cancellation);
}
