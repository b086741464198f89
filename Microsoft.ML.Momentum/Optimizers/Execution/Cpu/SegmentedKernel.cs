namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// A CPU kernel that can run over pieces of memory: a copy of it whose first (and second) segmented pointer is
/// replaced, e.g. x and g of the update kernels, the vector of the finiteness check, AutoDrop's x.
/// </summary>
internal unsafe interface ISegmentKernel<TSelf> where TSelf : struct
{
    /// <summary>This kernel with its segmented pointers at <paramref name="first"/> and <paramref name="second"/> (null where it has none).</summary>
    TSelf Rebased(float* first, float* second);
}

/// <summary>
/// Runs <typeparamref name="TKernel"/> over the logical range [start, end) of a <see cref="SegmentLayout"/>: once per
/// piece it overlaps, with the kernel's pointers rebased to the piece, skipping holes; partial sums add in piece order.
/// The chunks of <see cref="ParallelChunks"/> stay those of the logical length, so results depend only on the layout.
/// </summary>
internal readonly unsafe struct SegmentedKernel<TKernel>(TKernel kernel, SegmentedVector first, SegmentedVector? second) : IReduceKernel
    where TKernel : struct, IReduceKernel, ISegmentKernel<TKernel>
{
    public Sums3 Run(long start, long end)
    {
        var layout = first.Layout;
        var total = default(Sums3);
        for (var s = layout.FirstEndingAfter(start); s < layout.Count && layout.Starts[s] < end; s++)
        {
            var from = Math.Max(start, layout.Starts[s]);
            var to = Math.Min(end, layout.Starts[s] + layout.Lengths[s]);
            total += kernel.Rebased(first.Base(s), second is null ? null : second.Base(s)).Run(from, to);
        }
        return total;
    }
}

/// <summary>An element-wise kernel seen as a reduction that returns nothing, so that it runs segmented too.</summary>
internal readonly unsafe struct RangeReduce<TKernel>(TKernel kernel) : IReduceKernel, ISegmentKernel<RangeReduce<TKernel>>
    where TKernel : struct, IRangeKernel, ISegmentKernel<TKernel>
{
    public Sums3 Run(long start, long end)
    {
        kernel.Run(start, end);
        return default;
    }

    public RangeReduce<TKernel> Rebased(float* first, float* second) => new(kernel.Rebased(first, second));
}

/// <summary>
/// A reduction over segmented vectors that sums exactly as over their concatenation: a chunk inside one piece runs
/// in place; a chunk that spans pieces without a hole is staged, its parts of the first and second vector copied into
/// one chunk-sized buffer of the thread (in the cache), the kernel run over it and, when the kernel writes the first
/// vector, copied back. The kernel then sees the ranges, and rounds its float block sums, as the flat backend does.
/// A chunk with holes runs piece by piece (<see cref="SegmentedKernel{TKernel}"/>), which has no flat twin.
/// </summary>
internal readonly unsafe struct StagedKernel<TKernel>(TKernel kernel, SegmentedVector first, SegmentedVector? second, bool writesFirst) : IReduceKernel
    where TKernel : struct, IReduceKernel, ISegmentKernel<TKernel>
{
    public Sums3 Run(long start, long end)
    {
        var layout = first.Layout;
        var s0 = layout.FirstEndingAfter(start);
        if (s0 < layout.Count && layout.Starts[s0] <= start && layout.Starts[s0] + layout.Lengths[s0] >= end)
        {
            return kernel.Rebased(first.Base(s0), second is null ? null : second.Base(s0)).Run(start, end);
        }
        if (!Covers(layout, s0, start, end)) return new SegmentedKernel<TKernel>(kernel, first, second).Run(start, end);
        var a = ChunkStaging.Buffers();
        var b = a + ParallelChunks.ChunkSize;
        Copy(s0, start, end, a, b, toStaging: true);
        var sums = kernel.Rebased(a - start, second is null ? null : b - start).Run(start, end);
        if (writesFirst) Copy(s0, start, end, a, b, toStaging: false);
        return sums;
    }

    /// <summary>Whether the pieces from <paramref name="s"/> on cover [start, end) without a hole.</summary>
    private static bool Covers(SegmentLayout layout, int s, long start, long end)
    {
        var next = start;
        for (; s < layout.Count && next < end; s++)
        {
            if (layout.Starts[s] > next) return false;
            next = layout.Starts[s] + layout.Lengths[s];
        }
        return next >= end;
    }

    /// <summary>Copies the chunk's parts between the pieces and the staging buffers (the second vector only inwards: kernels read it).</summary>
    private void Copy(int s, long start, long end, float* a, float* b, bool toStaging)
    {
        var layout = first.Layout;
        for (; s < layout.Count && layout.Starts[s] < end; s++)
        {
            var from = Math.Max(start, layout.Starts[s]);
            var count = (int)(Math.Min(end, layout.Starts[s] + layout.Lengths[s]) - from);
            var piece = new Span<float>(first.Base(s) + from, count);
            var staged = new Span<float>(a + (from - start), count);
            if (!toStaging)
            {
                staged.CopyTo(piece);
                continue;
            }
            piece.CopyTo(staged);
            if (second is not null) new Span<float>(second.Base(s) + from, count).CopyTo(new Span<float>(b + (from - start), count));
        }
    }
}

/// <summary>Two chunk-sized float buffers per thread for <see cref="StagedKernel{TKernel}"/>, freed with the thread.</summary>
internal static unsafe class ChunkStaging
{
    [ThreadStatic]
    private static HostMemoryHandle? t_memory;

    /// <summary>The first buffer; the second follows it, <see cref="ParallelChunks.ChunkSize"/> floats on.</summary>
    public static float* Buffers()
    {
        t_memory ??= HostMemoryHandle.Allocate(2L * ParallelChunks.ChunkSize * sizeof(float));
        return (float*)t_memory.Pointer;
    }
}
