using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Minibatches of normalized (and, for training, augmented) images from an in-memory <see cref="LabeledImages"/>
/// set, filled ahead of the training loop by an <see cref="ImageBatchProducer"/> on a background task, so the
/// engine does not wait for data. Batches are deterministic: (data, order, seed, epoch, position) fix them.
/// </summary>
public sealed class ImageBatchSource : IBatchSource, IDisposable
{
    private readonly ChannelNormalization _normalization;
    private readonly ImageAugmentation? _augmentation;
    private readonly long _seed;
    private readonly Dictionary<(int BatchSize, bool Augment), ImageBatchProducer> _producers = [];
    private readonly TrainingBatch _batch;

    /// <summary>Wraps <paramref name="images"/>.</summary>
    /// <param name="images">The images (not copied).</param>
    /// <param name="normalization">Per-channel statistics, fit on the training set.</param>
    /// <param name="augmentation">Training-time crop/flip, or null.</param>
    /// <param name="seed">Seed of the augmentation draws.</param>
    public ImageBatchSource(LabeledImages images, ChannelNormalization normalization, ImageAugmentation? augmentation = null, long seed = 0)
    {
        Images = images ?? throw new ArgumentNullException(nameof(images));
        _normalization = normalization ?? throw new ArgumentNullException(nameof(normalization));
        if (normalization.Channels != images.Channels)
        {
            throw new ArgumentException($"The normalization has {normalization.Channels} channels; the images have {images.Channels}.", nameof(normalization));
        }
        augmentation?.Validate(images.Height, images.Width);
        _augmentation = augmentation is { IsActive: true } ? augmentation : null;
        _seed = seed;
        _batch = new TrainingBatch(0, 0) { Dense = [], ExampleLength = images.ImageLength };
    }

    /// <summary>The images.</summary>
    public LabeledImages Images { get; }

    /// <inheritdoc />
    public int Count => Images.Count;

    /// <inheritdoc />
    public int LabelOf(int index) => Images.Labels[index];

    /// <inheritdoc />
    public IEnumerable<TrainingBatch> Batches(int[] order, int firstPosition, int batchSize, bool augment, int epoch, CancellationToken cancellation)
    {
        var producer = Producer(batchSize, augment && _augmentation is not null);
        using var images = producer.StartEpoch(order.AsSpan(firstPosition), epoch, cancellation, firstPosition);
        foreach (var batch in images)
        {
            _batch.Dense = batch.Inputs;
            _batch.Labels = batch.Labels;
            _batch.Count = batch.Count;
            yield return _batch;
        }
    }

    /// <summary>Stops the background producers.</summary>
    public void Dispose()
    {
        foreach (var producer in _producers.Values) producer.Dispose();
        _producers.Clear();
    }

    /// <summary>One producer (with its pooled buffers) per batch size and augmentation setting, made on first use.</summary>
    private ImageBatchProducer Producer(int batchSize, bool augment)
    {
        if (!_producers.TryGetValue((batchSize, augment), out var producer))
        {
            producer = new ImageBatchProducer(Images, new ImageBatchProducerOptions
            {
                BatchSize = batchSize, Normalization = _normalization, Augmentation = augment ? _augmentation : null, Seed = _seed,
            });
            _producers.Add((batchSize, augment), producer);
        }
        return producer;
    }
}
