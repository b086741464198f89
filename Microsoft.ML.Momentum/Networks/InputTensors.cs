using System.Runtime.InteropServices;
using Microsoft.ML.Momentum.Engine;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Turns a batch handed over as spans into tensors on the model's device and has the network check them
/// (<see cref="ClassifierNetwork.CheckInputs"/>, <see cref="ClassifierNetwork.PrepareTokens"/>,
/// <see cref="ClassifierNetwork.CheckLabels"/>). The tensors belong to the caller's dispose scope.
/// </summary>
internal static class InputTensors
{
    /// <summary>Float inputs [batch, …example shape].</summary>
    public static Tensor Dense(ReadOnlySpan<float> inputs, ReadOnlySpan<long> shape, ClassifierNetwork network, ComputeDevice device)
    {
        var host = empty(shape.ToArray(), ScalarType.Float32);
        inputs.CopyTo(MemoryMarshal.Cast<byte, float>(host.bytes));
        network.CheckInputs(host);
        return OnDevice(host, device);
    }

    /// <summary>Token ids [batch, length], 0 = padding, right-padded to the network's minimum length.</summary>
    public static Tensor Tokens(ReadOnlySpan<long> tokens, long batch, int length, ClassifierNetwork network, ComputeDevice device)
    {
        var host = empty([batch, length], ScalarType.Int64);
        tokens.CopyTo(MemoryMarshal.Cast<byte, long>(host.bytes));
        return OnDevice(network.PrepareTokens(host), device);
    }

    /// <summary>Class indices [batch], each in [0, classes).</summary>
    public static Tensor Labels(ReadOnlySpan<long> labels, ClassifierNetwork network, ComputeDevice device)
    {
        var host = empty(labels.Length, ScalarType.Int64);
        labels.CopyTo(MemoryMarshal.Cast<byte, long>(host.bytes));
        network.CheckLabels(host);
        return OnDevice(host, device);
    }

    private static Tensor OnDevice(Tensor host, ComputeDevice device) => device.IsCpu ? host : host.to(device.ToTorch());
}
