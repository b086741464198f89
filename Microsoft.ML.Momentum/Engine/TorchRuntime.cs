using TorchSharp;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>Process-wide facts and settings of the TorchSharp runtime (libtorch).</summary>
internal static class TorchRuntime
{
    /// <summary>The libtorch version TorchSharp runs on, e.g. "2.10.0".</summary>
    public static string TorchVersion => torch.__version__;

    /// <summary>
    /// libtorch's intra-op thread count. Setting it applies to every later call on any thread, which (with a fixed
    /// seed) makes CPU training reproducible.
    /// </summary>
    public static int ThreadCount
    {
        get
        {
            ApplyThreadSetting();
            return torch.get_num_threads();
        }
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, "The thread count must be at least 1.");
            Volatile.Write(ref _requestedThreads, value);
            torch.set_num_threads(value);
        }
    }

    private static int _requestedThreads;

    /// <summary>
    /// Applies the requested thread count on the calling thread: libtorch's OpenMP setting is per thread, so a step
    /// run from another thread (a thread pool, a test runner) would otherwise use that thread's default.
    /// </summary>
    public static void ApplyThreadSetting()
    {
        var wanted = Volatile.Read(ref _requestedThreads);
        if (wanted > 0 && torch.get_num_threads() != wanted) torch.set_num_threads(wanted);
    }

    /// <summary>Number of CUDA devices the loaded runtime can use (0 for TorchSharp-cpu).</summary>
    public static int CudaDeviceCount => torch.cuda.is_available() ? torch.cuda.device_count() : 0;

    /// <summary>
    /// TorchSharp tensors created on the calling thread and not yet disposed; lets tests prove that nothing leaks.
    /// </summary>
    public static long LiveTensorCount => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

    /// <summary>The state of libtorch's default CPU generator, to resume a run exactly.</summary>
    public static byte[] GetRngState()
    {
        using var state = torch.get_rng_state();
        return state.bytes.ToArray();
    }

    /// <summary>Restores a generator state read by <see cref="GetRngState"/>.</summary>
    public static void SetRngState(ReadOnlySpan<byte> state)
    {
        using var tensor = torch.tensor(state.ToArray());
        torch.set_rng_state(tensor);
    }

    /// <summary>Held while a sequence of calls must see libtorch's global generator alone (seeding, then initialising a network).</summary>
    public static readonly Lock GeneratorGate = new();

    /// <summary>Seeds libtorch's CPU and CUDA generators (dropout, random initialisation).</summary>
    public static void ManualSeed(ulong seed) => torch.manual_seed(unchecked((long)seed));
}
