namespace Microsoft.ML.Momentum.Optimizers.Core;

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
/// Runs kernels over fixed-size chunks on up to N threads. Reductions are computed per chunk (chunk boundaries
/// do not depend on the thread count) and combined in chunk order, so results are bit-identical for any
/// number of threads.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Elements per chunk (256 KiB of floats): the unit of work and of reduction.</summary>
    public const int ChunkSize = 1 << 16;

    public static void For<TKernel>(long length, int threads, TKernel kernel) where TKernel : struct, IRangeKernel
    {
        var chunks = ChunkCount(length);
        var workers = (int)Math.Min(threads, chunks);
        if (workers <= 1)
        {
            if (length > 0) kernel.Run(0, length);
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var (first, last) = Range(chunks, workers, w);
            kernel.Run(first * ChunkSize, Math.Min(length, last * ChunkSize));
        });
    }

    public static Sums3 Reduce<TKernel>(long length, int threads, TKernel kernel) where TKernel : struct, IReduceKernel
    {
        var chunks = ChunkCount(length);
        if (chunks == 0) return default;
        var partials = new Sums3[chunks];
        var workers = (int)Math.Min(threads, chunks);
        if (workers <= 1)
        {
            for (long c = 0; c < chunks; c++) partials[c] = kernel.Run(c * ChunkSize, Math.Min(length, (c + 1) * ChunkSize));
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var (first, last) = Range(chunks, workers, w);
                for (var c = first; c < last; c++) partials[c] = kernel.Run(c * ChunkSize, Math.Min(length, (c + 1) * ChunkSize));
            });
        }
        var total = default(Sums3);
        foreach (var partial in partials) total += partial;
        return total;
    }

    private static long ChunkCount(long length) => (length + ChunkSize - 1) / ChunkSize;

    private static (long First, long Last) Range(long chunks, int workers, int worker)
        => (chunks * worker / workers, chunks * (worker + 1) / workers);
}
