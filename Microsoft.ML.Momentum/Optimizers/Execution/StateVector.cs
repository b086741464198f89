using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>One state vector of an optimizer (momentum, second moment, AutoDrop buffers) on its backend.</summary>
internal abstract class StateVector : IDisposable
{
    public abstract long Length { get; }

    public abstract Vec AsVec();

    public abstract float[] ToArray();

    public virtual void Dispose() { }
}

/// <summary>
/// A state vector in native host memory (<see cref="HostMemoryHandle"/>): its address never moves, so kernels keep
/// raw pointers, and it starts on a cache line (2 MiB from that size), so SIMD stores of whole chunks, non-temporal
/// ones included, are aligned.
/// </summary>
internal sealed unsafe class HostStateVector : StateVector
{
    private readonly HostMemoryHandle _memory;
    private readonly int _length;

    public HostStateVector(long length)
    {
        _length = checked((int)length);
        _memory = HostMemoryHandle.Allocate(length * sizeof(float));
    }

    public HostStateVector(float[] values) : this(values.LongLength) => values.CopyTo(Span);

    public override long Length => _length;

    public Span<float> Span => new(Pointer, _length);

    private float* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_memory.IsClosed, this);
            return (float*)_memory.Pointer;
        }
    }

    public override Vec AsVec() => new(Pointer, _length);

    public override float[] ToArray() => Span.ToArray();

    public override void Dispose() => _memory.Dispose();
}

/// <summary>A state vector of the tensor backend: a TorchSharp tensor on the parameters' device, owned by this vector.</summary>
internal sealed class TensorStateVector(FlatVector vector) : StateVector
{
    public FlatVector Vector { get; } = vector;

    public override long Length => Vector.Length;

    public override Vec AsVec() => new(Vector);

    public override float[] ToArray() => Vector.ToArray();

    public override void Dispose() => Vector.Dispose();
}
