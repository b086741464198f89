namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// A minibatch ready for the engine: either dense inputs (images) or padded token ids (text), and labels.
/// A batch handed out by an <see cref="IBatchSource"/> is valid until the enumeration moves on.
/// </summary>
public sealed class TrainingBatch
{
    /// <summary>Creates an empty batch whose buffers hold up to <paramref name="capacity"/> examples.</summary>
    /// <param name="capacity">Largest number of examples.</param>
    /// <param name="denseLength">Floats per example for dense inputs (0 for token batches).</param>
    public TrainingBatch(int capacity, int denseLength)
    {
        Labels = new long[capacity];
        Dense = denseLength > 0 ? new float[capacity * denseLength] : null;
        ExampleLength = denseLength;
    }

    /// <summary>Examples in this batch.</summary>
    public int Count { get; set; }

    /// <summary>Dense inputs, <see cref="Count"/> × <see cref="ExampleLength"/> floats used; null for token batches.</summary>
    public float[]? Dense { get; internal set; }

    /// <summary>Floats per example (dense batches).</summary>
    public int ExampleLength { get; internal set; }

    /// <summary>Token ids, <see cref="Count"/> × <see cref="SequenceLength"/> used (0 = padding); null for dense batches.</summary>
    public long[]? Tokens { get; set; }

    /// <summary>Tokens per example after padding (token batches).</summary>
    public int SequenceLength { get; set; }

    /// <summary>Class index per example (<see cref="Count"/> used).</summary>
    public long[] Labels { get; internal set; }

    /// <summary>The used part of <see cref="Labels"/>.</summary>
    public ReadOnlySpan<long> UsedLabels => Labels.AsSpan(0, Count);
}
