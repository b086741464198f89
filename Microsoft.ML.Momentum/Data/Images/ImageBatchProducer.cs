using System.Threading.Channels;
using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Fills minibatches of a <see cref="LabeledImages"/> on a background task, ahead of the training loop: each
/// epoch's batches are normalized (and augmented) into pooled float buffers and handed over, in order,
/// through a bounded channel: while the consumer works on one batch, up to
/// <see cref="ImageBatchProducerOptions.PrefetchCapacity"/> more wait ready. The PrefetchCapacity + 1 buffers
/// are allocated once and reused across epochs, so steady-state training allocates no batch memory (the
/// channels allocate a few dozen bytes only when one side has to wait for the other). Batches are
/// deterministic: they depend on the data, the order, the seed and the epoch number only.
/// </summary>
/// <example>
/// <code>
/// using var producer = new ImageBatchProducer(train, new() { BatchSize = 128, Normalization = ChannelNormalization.Fit(train),
///     Augmentation = ImageAugmentation.CropAndFlip, Seed = random.NextInt64() });
/// for (var epoch = 0; epoch &lt; epochs; epoch++)
/// {
///     random.Shuffle(order);
///     foreach (var batch in producer.StartEpoch(order, epoch, cancellation))
///         model.TrainStep(batch.InputSpan, batch.LabelSpan);
/// }
/// </code>
/// </example>
public sealed class ImageBatchProducer : IDisposable
{
    private readonly Channel<ImageBatch> _free = Channel.CreateUnbounded<ImageBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int[] _order;
    private ImageBatchEpoch? _current;
    private bool _disposed;

    /// <summary>Creates the producer and its batch buffers.</summary>
    /// <param name="data">The images (not copied; must not change while batches are produced).</param>
    /// <param name="options">Batch size, normalization, augmentation, seed, prefetch capacity.</param>
    public ImageBatchProducer(LabeledImages data, ImageBatchProducerOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PrefetchCapacity, 1, nameof(options.PrefetchCapacity));
        var normalization = options.Normalization ?? throw new ArgumentException("Normalization is required; fit it on the training set with ChannelNormalization.Fit.", nameof(options));
        if (normalization.Channels != data.Channels)
        {
            throw new ArgumentException($"The normalization has {normalization.Channels} channels; the images have {data.Channels}.", nameof(options));
        }
        options.Augmentation?.Validate(data.Height, data.Width);
        Data = data;
        BatchSize = options.BatchSize;
        PrefetchCapacity = options.PrefetchCapacity;
        Filler = new BatchFiller(data, normalization, options.Augmentation, options.Seed);
        _order = new int[data.Count];
        var batchCapacity = Math.Min(BatchSize, Math.Max(data.Count, 1));
        for (var i = 0; i <= PrefetchCapacity; i++) _free.Writer.TryWrite(new ImageBatch(batchCapacity, data.Channels, data.Height, data.Width));
    }

    /// <summary>The images batches are drawn from.</summary>
    public LabeledImages Data { get; }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Batches filled ahead of the consumer.</summary>
    public int PrefetchCapacity { get; }

    internal BatchFiller Filler { get; }

    /// <summary>Test hook: runs on the producer task after each batch is filled.</summary>
    internal Action<ImageBatch>? AfterFill { get; set; }

    internal ChannelReader<ImageBatch> FreeBatches => _free.Reader;

    /// <summary>
    /// Starts filling the batches of one epoch in the background and returns them, in order, as a
    /// single-use sequence (enumerate it with <c>foreach</c> or <c>await foreach</c>). One epoch runs at a
    /// time: finish enumerating it, or dispose it, before starting the next.
    /// </summary>
    /// <param name="order">Indices into <see cref="Data"/>, in the order to visit them (copied: the caller may reshuffle it at once). A subset is fine.</param>
    /// <param name="epoch">The epoch number; with the seed it determines the augmentation.</param>
    /// <param name="cancellation">Stops the producer; the consumer then sees <see cref="OperationCanceledException"/>.</param>
    /// <param name="firstPosition">
    /// Position of <paramref name="order"/>[0] within the whole epoch's order (when an epoch is resumed part-way through),
    /// so augmentation draws, which depend on (seed, epoch, position), match the uninterrupted epoch.
    /// </param>
    public ImageBatchEpoch StartEpoch(ReadOnlySpan<int> order, int epoch, CancellationToken cancellation = default, int firstPosition = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_current is { IsFinished: false }) throw new InvalidOperationException("The previous epoch is still running; enumerate it to the end or dispose it first.");
        if (order.Length > _order.Length) throw new ArgumentException($"The order has {order.Length} entries; the data holds {_order.Length} images.", nameof(order));
        for (var i = 0; i < order.Length; i++)
        {
            if ((uint)order[i] >= (uint)Data.Count) throw new ArgumentOutOfRangeException(nameof(order), order[i], $"Entry {i} is outside [0, {Data.Count}).");
        }
        order.CopyTo(_order);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPosition);
        _current = new ImageBatchEpoch(this, _order.AsMemory(0, order.Length), epoch, firstPosition, cancellation);
        return _current;
    }

    /// <summary>Returns a batch buffer to the pool.</summary>
    internal void Return(ImageBatch batch) => _free.Writer.TryWrite(batch);

    /// <summary>Stops a running epoch; the buffers are released with the producer.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _current?.Dispose();
        _disposed = true;
    }
}
