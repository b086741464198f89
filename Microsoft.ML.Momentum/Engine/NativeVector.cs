namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// A flat float32 vector owned by the native engine, on the CPU or a GPU. A model's flat parameter and
/// gradient buffers are handed out as vectors that share the model's storage. On the CPU,
/// <see cref="AsSpan"/> exposes the memory in place, without copies.
/// </summary>
public sealed unsafe class NativeVector : IDisposable
{
    internal NativeVector(TensorHandle handle, ComputeDevice device)
    {
        Handle = handle;
        Device = device;
        NativeError.Check(NativeMethods.TensorLength(handle, out var length), "reading a tensor's length");
        Length = length;
    }

    internal TensorHandle Handle { get; }

    /// <summary>Number of elements.</summary>
    public long Length { get; }

    /// <summary>The device that holds the data.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Creates a vector on <paramref name="device"/> holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The initial values.</param>
    /// <param name="device">Target device; the CPU when null.</param>
    public static NativeVector FromArray(ReadOnlySpan<float> values, ComputeDevice? device = null)
    {
        device ??= ComputeDevice.Cpu;
        fixed (float* data = values)
        {
            NativeError.Check(NativeMethods.TensorFromHost(data, values.Length, device.Name, out var handle), "creating a tensor");
            return new NativeVector(handle, device);
        }
    }

    /// <summary>Creates a zero vector of <paramref name="length"/> elements on <paramref name="device"/>.</summary>
    /// <param name="length">Number of elements.</param>
    /// <param name="device">Target device; the CPU when null.</param>
    public static NativeVector Zeros(long length, ComputeDevice? device = null)
    {
        device ??= ComputeDevice.Cpu;
        NativeError.Check(NativeMethods.TensorZeros(length, device.Name, out var handle), "creating a tensor");
        return new NativeVector(handle, device);
    }

    /// <summary>
    /// The data in place, for CPU vectors of at most <see cref="int.MaxValue"/> elements. The span is valid
    /// while this vector (and, for a model buffer, the model) is alive.
    /// </summary>
    public Span<float> AsSpan()
    {
        if (!Device.IsCpu) throw new InvalidOperationException($"The vector lives on {Device}; copy it with CopyTo instead.");
        if (Length > int.MaxValue) throw new InvalidOperationException($"The vector has {Length} elements, more than a span can address.");
        NativeError.Check(NativeMethods.TensorHostData(Handle, out var data), "reading a tensor's data");
        return new Span<float>(data, (int)Length);
    }

    /// <summary>Copies the vector into <paramref name="destination"/>, which must have the same length.</summary>
    /// <param name="destination">Where the values go.</param>
    public void CopyTo(Span<float> destination)
    {
        fixed (float* data = destination)
        {
            NativeError.Check(NativeMethods.TensorCopyToHost(Handle, data, destination.Length), "copying a tensor to the host");
        }
    }

    /// <summary>Overwrites the vector with <paramref name="source"/>, which must have the same length.</summary>
    /// <param name="source">The new values.</param>
    public void CopyFrom(ReadOnlySpan<float> source)
    {
        fixed (float* data = source)
        {
            NativeError.Check(NativeMethods.TensorCopyFromHost(Handle, data, source.Length), "copying into a tensor");
        }
    }

    /// <summary>A managed copy of the values.</summary>
    public float[] ToArray()
    {
        var result = new float[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>Releases the native tensor handle (the storage lives on while a model still uses it).</summary>
    public void Dispose() => Handle.Dispose();
}
