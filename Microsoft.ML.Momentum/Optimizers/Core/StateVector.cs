using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Optimizers.Core;

/// <summary>One state vector of an optimizer (momentum, second moment, AutoDrop buffers) on its backend.</summary>
internal abstract class StateVector : IDisposable
{
    public abstract long Length { get; }

    public abstract Vec AsVec();

    public abstract float[] ToArray();

    public virtual void Dispose() { }
}

/// <summary>
/// A state vector in pinned host memory (its address never moves, so kernels can keep raw pointers). The first
/// element sits on a 64-byte boundary, so SIMD stores (non-temporal ones included) of whole chunks are aligned.
/// </summary>
internal sealed unsafe class HostStateVector : StateVector
{
    /// <summary>Byte alignment of the first element.</summary>
    public const int Alignment = 64;

    private const int Pad = Alignment / sizeof(float);
    private readonly float[] _values;
    private readonly int _offset;
    private readonly int _length;

    public HostStateVector(long length)
    {
        _length = checked((int)length);
        _values = GC.AllocateArray<float>(checked(_length + Pad), pinned: true);
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_values));
        _offset = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / sizeof(float);
    }

    public HostStateVector(float[] values) : this(values.LongLength) => values.CopyTo(Span);

    public override long Length => _length;

    public Span<float> Span => _values.AsSpan(_offset, _length);

    public override Vec AsVec() => new((float*)Unsafe.AsPointer(ref _values[_offset]), _length);

    public override float[] ToArray() => Span.ToArray();
}

/// <summary>A state vector held by the native engine on the parameters' device.</summary>
internal sealed class DeviceStateVector(NativeVector vector) : StateVector
{
    public NativeVector Vector { get; } = vector;

    public override long Length => Vector.Length;

    public override Vec AsVec() => new(Vector);

    public override float[] ToArray() => Vector.ToArray();

    public override void Dispose() => Vector.Dispose();
}
