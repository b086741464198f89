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

    /// <summary>Seeds libtorch's CPU and CUDA generators (dropout, random initialisation).</summary>
    /// <param name="seed">The seed.</param>
    public static void ManualSeed(ulong seed) => NativeError.Check(NativeMethods.ManualSeed(seed), "seeding libtorch");
}
