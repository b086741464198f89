namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// Where the pieces of a logical flat vector lie in host memory: piece s covers the logical elements
/// [<see cref="Starts"/>[s], <see cref="Starts"/>[s] + <see cref="Lengths"/>[s]) (ascending, not overlapping, possibly with
/// holes that no kernel visits). The parameters of a TorchSharp model and their gradients share one layout: each
/// tensor is a piece at its offset in the group, and the optimizer's state vectors stay flat over the whole length.
/// </summary>
internal sealed class SegmentLayout
{
    /// <summary>A layout of <paramref name="count"/> pieces over a logical vector of <paramref name="length"/> elements.</summary>
    public SegmentLayout(long[] starts, long[] lengths, int count, long length)
    {
        (Starts, Lengths, Count, Length) = (starts, lengths, count, length);
        LineAligned = true;
        for (var s = 0; s < count; s++) LineAligned &= starts[s] % LineFloats == 0;
    }

    /// <summary>Floats in one 64-byte cache line.</summary>
    public const int LineFloats = 16;

    public long[] Starts { get; }

    public long[] Lengths { get; }

    /// <summary>Pieces in use (the arrays may be longer).</summary>
    public int Count { get; }

    /// <summary>The logical length: the state vectors' length.</summary>
    public long Length { get; }

    /// <summary>Whether every piece starts on a cache line of the state vectors (so whole-line streaming stores stay aligned).</summary>
    public bool LineAligned { get; }

    /// <summary>The first piece that ends after <paramref name="start"/>.</summary>
    public int FirstEndingAfter(long start)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Starts[mid] + Lengths[mid] <= start) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}

/// <summary>One vector (the parameters, or their gradients) laid out by a <see cref="SegmentLayout"/>: piece s starts at <see cref="Addresses"/>[s].</summary>
/// <param name="layout">The pieces.</param>
/// <param name="addresses">The host address of each piece's first float.</param>
internal sealed class SegmentedVector(SegmentLayout layout, nint[] addresses)
{
    public SegmentLayout Layout { get; } = layout;

    public nint[] Addresses { get; } = addresses;

    /// <summary>The address that logical element i of piece <paramref name="s"/> has at (base + i): the piece's address less its start.</summary>
    public unsafe float* Base(int s) => (float*)Addresses[s] - Layout.Starts[s];
}
