namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>An element-wise kernel over the half-open range [start, end).</summary>
internal interface IRangeKernel
{
    void Run(long start, long end);
}

/// <summary>A reduction kernel over one fixed chunk [start, end), returning double-precision partial sums.</summary>
internal interface IReduceKernel
{
    Sums3 Run(long start, long end);
}

/// <summary>
/// Runs kernels over fixed-size chunks on up to N threads. Chunk boundaries depend only on the length; a reduction
/// keeps one partial per chunk and adds them in chunk order, so results are bit-identical for any number of
/// threads, any timing and either order. The calling thread works too, and threads claim chunks as they go (see
/// <see cref="ChunkJob{TKernel}"/>), so a helper that starts late costs nothing and a step allocates nothing.
/// A pass may take its chunks last to first (<c>descending</c>): a pass that starts where the previous one ended
/// finds that pass's last chunks still in the cache.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Elements per chunk (256 KiB of floats): the unit of work and of reduction.</summary>
    public const int ChunkSize = 1 << 16;

    public static void For<TKernel>(long length, int threads, TKernel kernel, bool descending = false) where TKernel : struct, IRangeKernel
    {
        var chunks = ChunkCount(length);
        if (chunks <= 1 || (threads <= 1 && !descending))
        {
            if (length > 0) kernel.Run(0, length);
            return;
        }
        Run(length, chunks, threads, new RangeAsReduce<TKernel>(kernel), reduce: false, descending);
    }

    public static Sums3 Reduce<TKernel>(long length, int threads, TKernel kernel, bool descending = false) where TKernel : struct, IReduceKernel
        => Run(length, ChunkCount(length), threads, kernel, reduce: true, descending);

    /// <summary>The start of chunk <paramref name="c"/> of a pass in the given order.</summary>
    public static long Start(long c, long chunks, bool descending) => (descending ? chunks - 1 - c : c) * ChunkSize;

    private static Sums3 Run<TKernel>(long length, long chunks, int threads, TKernel kernel, bool reduce, bool descending)
        where TKernel : struct, IReduceKernel
    {
        if (chunks == 0) return default;
        if ((threads <= 1 || chunks == 1) && !descending)
        {
            var total = default(Sums3);
            for (long c = 0; c < chunks; c++) total += kernel.Run(c * ChunkSize, Math.Min(length, (c + 1) * ChunkSize));
            return total;
        }
        return ChunkJob<TKernel>.Run(length, chunks, (int)Math.Clamp(threads, 1, chunks), kernel, reduce, descending);
    }

    private static long ChunkCount(long length) => (length + ChunkSize - 1) / ChunkSize;

    /// <summary>An element-wise kernel seen as a reduction that returns nothing.</summary>
    private readonly struct RangeAsReduce<TKernel>(TKernel kernel) : IReduceKernel where TKernel : struct, IRangeKernel
    {
        public Sums3 Run(long start, long end)
        {
            kernel.Run(start, end);
            return default;
        }
    }
}
