namespace Microsoft.ML.Momentum.Engine;

/// <summary>A compute device was asked for that the TorchSharp runtime in this process cannot use (e.g. CUDA with TorchSharp-cpu).</summary>
public sealed class DeviceNotAvailableException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the device and what to do.</summary>
    /// <param name="message">The message.</param>
    public DeviceNotAvailableException(string message) : base(message) { }
}
