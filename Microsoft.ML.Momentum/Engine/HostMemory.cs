using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// The host address of a contiguous CPU tensor's data. TorchSharp 0.107 has no <c>data_ptr()</c> and its
/// <c>Tensor.bytes</c> span is limited to 2^31 bytes, so the address is read from the span of a one-element view.
/// </summary>
internal static class HostMemory
{
    /// <summary>The address of <paramref name="tensor"/>'s first element; zero for an empty tensor.</summary>
    public static unsafe IntPtr AddressOf(Tensor tensor)
    {
        if (tensor.device_type != TorchSharp.DeviceType.CPU) throw new InvalidOperationException($"The tensor lives on {tensor.device} and has no host address.");
        if (!tensor.is_contiguous()) throw new InvalidOperationException("The tensor is not contiguous.");
        if (tensor.numel() == 0) return IntPtr.Zero;
        using var flat = tensor.view(-1);
        using var first = flat.narrow(0, 0, 1);
        return (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(first.bytes));
    }
}
