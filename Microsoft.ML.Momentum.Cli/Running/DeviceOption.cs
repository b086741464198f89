using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Resolves a device string against the loaded TorchSharp runtime; an unavailable device is a usage error (exit code 2).</summary>
internal static class DeviceOption
{
    /// <summary>The device; <paramref name="where"/> names the config field or option in the error.</summary>
    public static ComputeDevice Resolve(string device, string where)
    {
        try
        {
            return ComputeDevice.Parse(device);
        }
        catch (Exception e) when (e is DeviceNotAvailableException or ArgumentException)
        {
            throw new ConfigException($"{where}: device '{device}' cannot be used: {e.Message}");
        }
    }
}
