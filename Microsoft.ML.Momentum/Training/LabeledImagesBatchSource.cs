using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Training;

/// <summary>Minibatches of normalized float images cut from an in-memory <see cref="LabeledImages"/> set.</summary>
public sealed class LabeledImagesBatchSource : IBatchSource
{
    private readonly LabeledImages _images;
    private readonly PixelNormalization _normalization;

    /// <summary>Wraps <paramref name="images"/>, normalizing pixels with <paramref name="normalization"/>.</summary>
    /// <param name="images">The images.</param>
    /// <param name="normalization">Pixel statistics (fit on the training set).</param>
    public LabeledImagesBatchSource(LabeledImages images, PixelNormalization normalization)
    {
        _images = images ?? throw new ArgumentNullException(nameof(images));
        _normalization = normalization ?? throw new ArgumentNullException(nameof(normalization));
    }

    /// <inheritdoc />
    public int Count => _images.Count;

    /// <inheritdoc />
    public int LabelOf(int index) => _images.Labels[index];

    /// <inheritdoc />
    public IEnumerable<TrainingBatch> Batches(int[] order, int batchSize, bool augment, int augmentationSeed, CancellationToken cancellation)
    {
        var length = _images.ImageLength;
        var batch = new TrainingBatch(batchSize, length);
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Count = Math.Min(batchSize, order.Length - start);
            for (var i = 0; i < batch.Count; i++)
            {
                var index = order[start + i];
                _normalization.Apply(_images.Pixels.AsSpan(index * length, length), batch.Dense.AsSpan(i * length, length));
                batch.Labels[i] = _images.Labels[index];
            }
            yield return batch;
        }
    }
}
