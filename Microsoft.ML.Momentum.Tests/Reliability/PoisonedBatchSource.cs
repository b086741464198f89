using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>Another source's batches, with one input value set to <paramref name="value"/> (NaN, ±∞) in the chosen (epoch, 1-based batch) pairs.</summary>
internal sealed class PoisonedBatchSource(IBatchSource inner, float value, Func<int, int, bool> poisoned) : IBatchSource
{
    public int Count => inner.Count;

    public int LabelOf(int index) => inner.LabelOf(index);

    public IEnumerable<TrainingBatch> Batches(int[] order, int firstPosition, int batchSize, bool augment, int epoch, CancellationToken cancellation)
    {
        var number = firstPosition / batchSize;
        foreach (var batch in inner.Batches(order, firstPosition, batchSize, augment, epoch, cancellation))
        {
            if (poisoned(epoch, ++number)) batch.Dense![batch.ExampleLength / 2] = value;
            yield return batch;
        }
    }
}
