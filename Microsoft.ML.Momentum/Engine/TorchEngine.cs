using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>Process-wide facts and settings of the native engine (libtorch).</summary>
public static unsafe class TorchEngine
{
    /// <summary>The libtorch version the native library was built against, e.g. "1.13.0".</summary>
    public static string TorchVersion
    {
        get
        {
            NativeError.Check(NativeMethods.TorchVersion(out var text), "reading the libtorch version");
            return Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
        }
    }

    /// <summary>
    /// libtorch's intra-op thread count. Setting it applies to every later engine call on any thread, which
    /// (with a fixed seed) makes CPU training reproducible.
    /// </summary>
    public static int ThreadCount
    {
        get
        {
            NativeError.Check(NativeMethods.GetNumThreads(out var threads), "reading the thread count");
            return threads;
        }
        set => NativeError.Check(NativeMethods.SetNumThreads(value), $"setting the thread count to {value}");
    }

    /// <summary>Number of CUDA devices the loaded libtorch can use (0 for a CPU-only build).</summary>
    public static int CudaDeviceCount
    {
        get
        {
            NativeError.Check(NativeMethods.CudaDeviceCount(out var count), "counting CUDA devices");
            return count;
        }
    }

    /// <summary>Native objects (models, tensors) alive right now; lets tests prove that nothing leaks.</summary>
    public static long LiveObjectCount => NativeMethods.LiveObjectCount();

    /// <summary>The state of libtorch's default generator for <paramref name="device"/>, to resume a run exactly.</summary>
    /// <param name="device">The device whose generator to read; the CPU when null.</param>
    public static byte[] GetRngState(ComputeDevice? device = null)
    {
        var name = (device ?? ComputeDevice.Cpu).Name;
        NativeError.Check(NativeMethods.RngState(name, null, 0, out var length), "reading the RNG state");
        var state = new byte[length];
        fixed (byte* buffer = state)
        {
            NativeError.Check(NativeMethods.RngState(name, buffer, length, out _), "reading the RNG state");
        }
        return state;
    }

    /// <summary>Restores a generator state read by <see cref="GetRngState"/>.</summary>
    /// <param name="state">The saved state.</param>
    /// <param name="device">The device whose generator to set; the CPU when null.</param>
    public static void SetRngState(ReadOnlySpan<byte> state, ComputeDevice? device = null)
    {
        fixed (byte* buffer = state)
        {
            NativeError.Check(NativeMethods.SetRngState((device ?? ComputeDevice.Cpu).Name, buffer, state.Length), "restoring the RNG state");
        }
    }

    /// <summary>Seeds libtorch's CPU and CUDA generators (dropout, random initialisation).</summary>
    /// <param name="seed">The seed.</param>
    public static void ManualSeed(ulong seed) => NativeError.Check(NativeMethods.ManualSeed(seed), "seeding libtorch");
}
