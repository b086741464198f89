using System.Globalization;
using TorchSharp;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// Where tensors live and kernels run: <c>cpu</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c>.
/// </summary>
public sealed record ComputeDevice
{
    private ComputeDevice(string name, int cudaIndex)
    {
        Name = name;
        CudaIndex = cudaIndex;
    }

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu { get; } = new("cpu", -1);

    /// <summary>The device string as libtorch knows it, e.g. "cpu" or "cuda:1".</summary>
    public string Name { get; }

    /// <summary>True for the CPU, whose buffers the managed code can read and write in place.</summary>
    public bool IsCpu => CudaIndex < 0;

    private int CudaIndex { get; }

    /// <summary>
    /// Parses and validates a device string against the loaded TorchSharp runtime. Throws
    /// <see cref="ArgumentException"/> for an unknown string and <see cref="DeviceNotAvailableException"/> when
    /// the runtime has no such CUDA device (for example the CPU-only <c>TorchSharp-cpu</c> runtime).
    /// </summary>
    /// <param name="device">"cpu", "cuda" or "cuda:N" (case-insensitive, surrounding spaces ignored).</param>
    public static ComputeDevice Parse(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var name = device.Trim().ToLowerInvariant();
        if (name == "cpu") return Cpu;
        int index;
        if (name == "cuda") index = 0;
        else if (!name.StartsWith("cuda:", StringComparison.Ordinal) ||
                 !int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            throw new ArgumentException($"Device '{device}' is not one of 'cpu', 'cuda' or 'cuda:N'.", nameof(device));
        }
        var available = TorchRuntime.CudaDeviceCount;
        if (index >= available)
        {
            throw new DeviceNotAvailableException(available == 0
                ? $"Device '{device}': CUDA is not available in this process (TorchSharp runtime without CUDA, or no GPU). Reference TorchSharp-cuda-linux instead of TorchSharp-cpu in the application (docs/gpu.md), or use 'cpu'."
                : $"Device '{device}': this machine has {available} CUDA device(s), numbered 0 to {available - 1}.");
        }
        return new ComputeDevice($"cuda:{index.ToString(CultureInfo.InvariantCulture)}", index);
    }

    /// <summary>The best device available: the first CUDA GPU when the runtime has one, else the CPU.</summary>
    public static ComputeDevice Default => TorchRuntime.CudaDeviceCount > 0 ? new ComputeDevice("cuda:0", 0) : Cpu;

    /// <summary>The TorchSharp device.</summary>
    internal torch.Device ToTorch() => IsCpu ? torch.CPU : new torch.Device(DeviceType.CUDA, CudaIndex);

    /// <inheritdoc />
    public override string ToString() => Name;
}
