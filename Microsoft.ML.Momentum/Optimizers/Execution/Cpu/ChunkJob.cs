namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// One parallel pass of a kernel over fixed chunks (first to last, or last to first), shared by the calling
/// thread and up to N − 1 thread-pool helpers. Every participant claims the next chunk with one interlocked
/// increment until none is left; a reduction stores each chunk's partial at the chunk's index and the caller adds
/// them in chunk order, so which thread ran which chunk never shows in the result. The caller waits only for
/// chunks still running, never for a helper that has not started (it finds no chunk left and leaves). Idle jobs
/// are cached per kernel type, so a pass allocates nothing in the steady state (no closure, delegate, task or
/// partials array).
/// </summary>
internal sealed class ChunkJob<TKernel> : IThreadPoolWorkItem where TKernel : struct, IReduceKernel
{
    private static ChunkJob<TKernel>? s_idle;

    private TKernel _kernel;
    private long _length;
    private long _chunks;
    private long _next;
    private long _finished;
    private int _participants;
    private bool _reduce;
    private bool _descending;
    private Sums3[] _partials = [];

    /// <summary>Runs <paramref name="kernel"/> over all chunks on up to <paramref name="workers"/> threads.</summary>
    public static Sums3 Run(long length, long chunks, int workers, TKernel kernel, bool reduce, bool descending)
    {
        var job = Interlocked.Exchange(ref s_idle, null) ?? new ChunkJob<TKernel>();
        job._kernel = kernel;
        job._length = length;
        job._chunks = chunks;
        job._next = 0;
        job._finished = 0;
        job._reduce = reduce;
        job._descending = descending;
        if (reduce && job._partials.LongLength < chunks) job._partials = new Sums3[chunks];
        job._participants = workers;
        for (var w = 1; w < workers; w++) ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
        job.Work();
        if (Volatile.Read(ref job._finished) < chunks)
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref job._finished) < chunks) spin.SpinOnce(sleep1Threshold: -1);
        }
        var total = default(Sums3);
        if (reduce)
        {
            for (long c = 0; c < chunks; c++) total += job._partials[c];
        }
        job.Leave();
        return total;
    }

    void IThreadPoolWorkItem.Execute()
    {
        Work();
        Leave();
    }

    private void Work()
    {
        long c;
        while ((c = Interlocked.Increment(ref _next) - 1) < _chunks)
        {
            var start = ParallelChunks.Start(c, _chunks, _descending);
            var sums = _kernel.Run(start, Math.Min(_length, start + ParallelChunks.ChunkSize));
            if (_reduce) _partials[start / ParallelChunks.ChunkSize] = sums;
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>The last participant out returns the job to the idle cache.</summary>
    private void Leave()
    {
        if (Interlocked.Decrement(ref _participants) == 0) Volatile.Write(ref s_idle, this);
    }
}
