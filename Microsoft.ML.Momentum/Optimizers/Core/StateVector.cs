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

/// <summary>A state vector in pinned host memory (its address never moves, so kernels can keep raw pointers).</summary>
internal sealed unsafe class HostStateVector : StateVector
{
    private readonly float[] _values;

    public HostStateVector(long length)
    {
        _values = GC.AllocateArray<float>(checked((int)length), pinned: true);
    }

    public HostStateVector(float[] values) : this(values.LongLength) => values.CopyTo(_values, 0);

    public override long Length => _values.LongLength;

    public Span<float> Span => _values;

    public override Vec AsVec() => new((float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_values)), _values.LongLength);

    public override float[] ToArray() => (float[])_values.Clone();
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
