using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// The batches of one epoch, filled by a background task (started by <see cref="ImageBatchProducer.StartEpoch"/>)
/// and enumerated once, in order. A batch stays valid until the enumeration moves on. An exception in the
/// producer reaches the consumer, with its original type, after the batches filled before it. Disposing
/// (which <c>foreach</c> does when it leaves early) stops the producer and waits for it.
/// </summary>
public sealed class ImageBatchEpoch : IEnumerable<ImageBatch>, IAsyncEnumerable<ImageBatch>, IDisposable
{
    private readonly ImageBatchProducer _producer;
    private readonly ReadOnlyMemory<int> _order;
    private readonly CancellationToken _callerCancellation;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<ImageBatch> _ready;
    private readonly Task _task;
    private Exception? _failure;
    private int _enumerated;
    private int _consumerWaits, _producerWaits, _disposed;

    private readonly int _firstPosition;

    internal ImageBatchEpoch(ImageBatchProducer producer, ReadOnlyMemory<int> order, int epoch, int firstPosition, CancellationToken cancellation)
    {
        _firstPosition = firstPosition;
        _producer = producer;
        _order = order;
        Epoch = epoch;
        BatchCount = (order.Length + producer.BatchSize - 1) / producer.BatchSize;
        _callerCancellation = cancellation;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Only PrefetchCapacity + 1 buffers exist, so writes to this bound never wait.
        _ready = Channel.CreateBounded<ImageBatch>(new BoundedChannelOptions(producer.PrefetchCapacity + 1) { SingleReader = true, SingleWriter = true });
        _task = Task.Run(ProduceAsync, CancellationToken.None);
    }

    /// <summary>The epoch number.</summary>
    public int Epoch { get; }

    /// <summary>Batches in this epoch.</summary>
    public int BatchCount { get; }

    /// <summary>Times the consumer found no batch ready and had to wait for the producer.</summary>
    public int ConsumerWaits => Volatile.Read(ref _consumerWaits);

    /// <summary>Times the producer found every buffer in use and had to wait for the consumer (the prefetch queue was full).</summary>
    public int ProducerWaits => Volatile.Read(ref _producerWaits);

    internal bool IsFinished => Volatile.Read(ref _disposed) != 0 || (_task.IsCompleted && _ready.Reader.Completion.IsCompleted);

    private async Task ProduceAsync()
    {
        var token = _stop.Token;
        var free = _producer.FreeBatches;
        var batchSize = _producer.BatchSize;
        ImageBatch? batch = null;
        try
        {
            for (var index = 0; index < BatchCount; index++)
            {
                if (!free.TryRead(out batch))
                {
                    Interlocked.Increment(ref _producerWaits);
                    // No token here: a cancellable read allocates on every wait. Dispose wakes this wait by
                    // returning the queued batches to the pool after cancelling.
                    batch = await free.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                }
                token.ThrowIfCancellationRequested();
                var start = index * batchSize;
                _producer.Filler.Fill(batch, _order.Span, start, Math.Min(batchSize, _order.Length - start), Epoch, index, _firstPosition);
                _producer.AfterFill?.Invoke(batch);
                // Only PrefetchCapacity + 1 buffers exist and the bound is that, so this write never fails.
                if (!_ready.Writer.TryWrite(batch)) throw new InvalidOperationException("The prefetch queue is full; a batch was returned to the pool twice.");
                batch = null;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by the caller's token or by Dispose; the consumer reports it.
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            if (batch is not null) _producer.Return(batch);
            _ready.Writer.TryComplete();
        }
    }

    /// <summary>Enumerates the batches synchronously (blocking while none is ready).</summary>
    public IEnumerator<ImageBatch> GetEnumerator()
    {
        ClaimEnumeration();
        return Batches().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the batches asynchronously.</summary>
    /// <param name="cancellationToken">Stops waiting (in addition to the token given to <see cref="ImageBatchProducer.StartEpoch"/>).</param>
    public IAsyncEnumerator<ImageBatch> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        ClaimEnumeration();
        return BatchesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private IEnumerable<ImageBatch> Batches()
    {
        ImageBatch? held = null;
        try
        {
            while (true)
            {
                if (held is not null) _producer.Return(held);
                held = null;
                _callerCancellation.ThrowIfCancellationRequested();
                if (!_ready.Reader.TryRead(out var batch))
                {
                    Interlocked.Increment(ref _consumerWaits);
                    if (!WaitForBatch()) break;
                    continue;
                }
                held = batch;
                yield return batch;
            }
            Finish();
        }
        finally
        {
            if (held is not null) _producer.Return(held);
            Dispose();
        }
    }

    private async IAsyncEnumerable<ImageBatch> BatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImageBatch? held = null;
        try
        {
            while (true)
            {
                if (held is not null) _producer.Return(held);
                held = null;
                _callerCancellation.ThrowIfCancellationRequested();
                if (!_ready.Reader.TryRead(out var batch))
                {
                    Interlocked.Increment(ref _consumerWaits);
                    if (!await WaitForBatchAsync(cancellationToken).ConfigureAwait(false)) break;
                    continue;
                }
                held = batch;
                yield return batch;
            }
            Finish();
        }
        finally
        {
            if (held is not null) _producer.Return(held);
            Dispose();
        }
    }

    /// <summary>Blocks until a batch is ready (true) or the producer has finished (false).</summary>
    private bool WaitForBatch()
    {
        var wait = _ready.Reader.WaitToReadAsync(_callerCancellation);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<bool> WaitForBatchAsync(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return await _ready.Reader.WaitToReadAsync(_callerCancellation).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callerCancellation, cancellationToken);
        return await _ready.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
    }

    /// <summary>After the last batch: rethrows the producer's failure or the caller's cancellation.</summary>
    private void Finish()
    {
        _task.GetAwaiter().GetResult();
        if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
        _callerCancellation.ThrowIfCancellationRequested();
    }

    private void ClaimEnumeration()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _enumerated, 1) != 0) throw new InvalidOperationException("An epoch's batches can be enumerated only once.");
    }

    /// <summary>Stops the producer, waits for it and returns the buffers to the pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        // A producer waiting for a free buffer wakes when the queued batches go back to the pool.
        ReturnQueued();
        _task.GetAwaiter().GetResult();
        ReturnQueued();
        _stop.Dispose();
    }

    private void ReturnQueued()
    {
        while (_ready.Reader.TryRead(out var batch)) _producer.Return(batch);
    }
}
