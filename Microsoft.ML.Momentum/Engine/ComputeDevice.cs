namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// Where tensors live and kernels run: <c>cpu</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c>.
/// </summary>
public sealed record ComputeDevice
{
    private ComputeDevice(string name) => Name = name;

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu { get; } = new("cpu");

    /// <summary>The device string as libtorch knows it, e.g. "cpu" or "cuda:1".</summary>
    public string Name { get; }

    /// <summary>True for the CPU, whose buffers the managed code can read and write in place.</summary>
    public bool IsCpu => Name == "cpu";

    /// <summary>
    /// Parses and validates a device string against the loaded libtorch. Throws <see cref="ArgumentException"/>
    /// for an unknown string and <see cref="NativeEngineException"/> when CUDA is not available.
    /// </summary>
    /// <param name="device">"cpu", "cuda" or "cuda:N" (case-insensitive, surrounding spaces ignored).</param>
    public static ComputeDevice Parse(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var name = device.Trim().ToLowerInvariant();
        NativeError.Check(NativeMethods.CheckDevice(name), $"device '{device}'");
        return name == "cpu" ? Cpu : new ComputeDevice(name == "cuda" ? "cuda:0" : name);
    }

    /// <summary>The best device available: the first CUDA GPU when libtorch has one, else the CPU.</summary>
    public static ComputeDevice Default => TorchEngine.CudaDeviceCount > 0 ? new ComputeDevice("cuda:0") : Cpu;

    /// <inheritdoc />
    public override string ToString() => Name;
}
