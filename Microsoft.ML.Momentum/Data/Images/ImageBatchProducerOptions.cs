namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Options of <see cref="ImageBatchProducer"/>.</summary>
public sealed class ImageBatchProducerOptions
{
    /// <summary>Images per batch (the last batch of an epoch may hold fewer).</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>The normalization applied to every image; its channel count must match the data. Required.</summary>
    public ChannelNormalization? Normalization { get; set; }

    /// <summary>Augmentation for training batches; null (the default) for none.</summary>
    public ImageAugmentation? Augmentation { get; set; }

    /// <summary>
    /// Seed of the augmentation; draw it from the trainer's seeded <see cref="Random"/>. With the epoch number
    /// and an example's position it fully determines that example's crop and flip.
    /// </summary>
    public long Seed { get; set; }

    /// <summary>Batches that may wait ready while the consumer works on one (default 4); PrefetchCapacity + 1 batch buffers exist.</summary>
    public int PrefetchCapacity { get; set; } = 4;
}
