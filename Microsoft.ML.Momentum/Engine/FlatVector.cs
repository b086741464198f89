using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// A flat float32 vector held by TorchSharp, on the CPU or a GPU: a model's flat parameter and gradient buffers,
/// and the optimizers' state on the tensor backend. On the CPU, <see cref="AsSpan"/> exposes the memory in place,
/// without copies. The vector owns its tensor (a view of a model buffer keeps the storage alive on its own).
/// </summary>
internal sealed class FlatVector : IDisposable
{
    private readonly Tensor _tensor;

    /// <summary>Takes ownership of <paramref name="tensor"/>, which must be a contiguous one-dimensional float32 tensor.</summary>
    public FlatVector(Tensor tensor, ComputeDevice device)
    {
        if (tensor.dtype != ScalarType.Float32 || tensor.dim() != 1 || !tensor.is_contiguous())
        {
            throw new ArgumentException($"A flat vector needs a contiguous 1-D float32 tensor, not {tensor.dtype} of shape [{string.Join(", ", tensor.shape)}].", nameof(tensor));
        }
        _tensor = tensor;
        Device = device;
        Length = tensor.shape[0];
    }

    /// <summary>The tensor (owned by this vector: do not dispose it).</summary>
    public Tensor Tensor
    {
        get
        {
            ObjectDisposedException.ThrowIf(_tensor.IsInvalid, this);
            return _tensor;
        }
    }

    /// <summary>Number of elements.</summary>
    public long Length { get; }

    /// <summary>The device that holds the data.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Creates a vector on <paramref name="device"/> holding a copy of <paramref name="values"/>.</summary>
    public static FlatVector FromArray(ReadOnlySpan<float> values, ComputeDevice? device = null)
    {
        device ??= ComputeDevice.Cpu;
        var vector = Zeros(values.Length, device);
        vector.CopyFrom(values);
        return vector;
    }

    /// <summary>Creates a zero vector of <paramref name="length"/> elements on <paramref name="device"/>.</summary>
    public static FlatVector Zeros(long length, ComputeDevice? device = null)
    {
        device ??= ComputeDevice.Cpu;
        // The vector owns its tensor: an enclosing dispose scope must not free it.
        return new FlatVector(torch.zeros(length, ScalarType.Float32, device.ToTorch()).DetachFromDisposeScope(), device);
    }

    /// <summary>
    /// The data in place, for CPU vectors of at most <see cref="int.MaxValue"/> elements. The span is valid while
    /// this vector is alive.
    /// </summary>
    public unsafe Span<float> AsSpan()
    {
        if (!Device.IsCpu) throw new InvalidOperationException($"The vector lives on {Device}; copy it with CopyTo instead.");
        if (Length > int.MaxValue) throw new InvalidOperationException($"The vector has {Length} elements, more than a span can address.");
        return new Span<float>((void*)Address, (int)Length);
    }

    /// <summary>The host address of a CPU vector's first element (see <see cref="HostMemory"/>).</summary>
    public IntPtr Address
    {
        get
        {
            if (!Device.IsCpu) throw new InvalidOperationException($"The vector lives on {Device} and has no host address.");
            return HostMemory.AddressOf(Tensor);
        }
    }

    /// <summary>Copies the vector into <paramref name="destination"/>, which must have the same length.</summary>
    public void CopyTo(Span<float> destination)
    {
        RequireLength(destination.Length);
        if (Device.IsCpu)
        {
            AsSpan().CopyTo(destination);
            return;
        }
        using var host = Tensor.cpu();
        MemoryMarshal.Cast<byte, float>(host.bytes).CopyTo(destination);
    }

    /// <summary>Overwrites the vector with <paramref name="source"/>, which must have the same length.</summary>
    public void CopyFrom(ReadOnlySpan<float> source)
    {
        RequireLength(source.Length);
        if (Device.IsCpu)
        {
            source.CopyTo(AsSpan());
            return;
        }
        using var host = torch.tensor(source.ToArray());
        using (torch.no_grad()) Tensor.copy_(host);
    }

    /// <summary>A managed copy of the values.</summary>
    public float[] ToArray()
    {
        var result = new float[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>Releases the tensor (the storage lives on while a model still uses it).</summary>
    public void Dispose() => _tensor.Dispose();

    private void RequireLength(int length)
    {
        if (length != Length) throw new ArgumentException($"The buffer holds {length} floats; the vector has {Length}.");
    }
}
