namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// One minibatch of normalized (and possibly augmented) images, ready for a training or inference step:
/// <see cref="Count"/> × <see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/> floats and
/// <see cref="Count"/> labels. Batches come from a pool: one handed out by an <see cref="ImageBatchEpoch"/>
/// is valid until the enumeration moves to the next batch, then it is refilled. Copy what must outlive that.
/// </summary>
public sealed class ImageBatch
{
    internal ImageBatch(int capacity, int channels, int height, int width)
    {
        Channels = channels;
        Height = height;
        Width = width;
        Inputs = new float[capacity * channels * height * width];
        Labels = new long[capacity];
    }

    /// <summary>The input buffer (its length is for a full batch; only the first <see cref="Count"/> images are valid).</summary>
    public float[] Inputs { get; }

    /// <summary>The label buffer (only the first <see cref="Count"/> are valid).</summary>
    public long[] Labels { get; }

    /// <summary>Images in this batch (the last batch of an epoch may be smaller than the batch size).</summary>
    public int Count { get; internal set; }

    /// <summary>0-based position of this batch in its epoch.</summary>
    public int Index { get; internal set; }

    /// <summary>The epoch this batch belongs to.</summary>
    public int Epoch { get; internal set; }

    /// <summary>Channels per image.</summary>
    public int Channels { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Floats per image.</summary>
    public int ImageLength => Channels * Height * Width;

    /// <summary>The valid inputs, <see cref="Count"/> × <see cref="ImageLength"/> floats.</summary>
    public Span<float> InputSpan => Inputs.AsSpan(0, Count * ImageLength);

    /// <summary>The valid labels.</summary>
    public Span<long> LabelSpan => Labels.AsSpan(0, Count);
}
