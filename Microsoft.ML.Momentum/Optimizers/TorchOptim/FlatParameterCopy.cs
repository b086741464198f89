using System.Runtime.InteropServices;
using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// One flat float32 copy of a list of parameters (and, optionally, of their gradients) on the parameters'
/// device, for the groups that cannot be stepped in place (<see cref="ParameterPieces"/>: tensors on a GPU, or not
/// contiguous). MoMo's step size needs sums over all parameters of a group, so the group is gathered into one vector,
/// stepped and scattered back. CPU tensors that are contiguous are copied as spans; others through tensor copies.
/// A parameter without a gradient steps with a zero gradient in the copy (its part of the state moves on) but keeps
/// its values.
/// </summary>
internal sealed class FlatParameterCopy : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly long[] _offsets;
    private readonly bool[] _withoutGradient;

    /// <summary>Allocates the copy for <paramref name="parameters"/> (at least one, float32, all on one device).</summary>
    public FlatParameterCopy(IEnumerable<Parameter> parameters, bool withGradients)
    {
        _parameters = [.. parameters];
        if (_parameters.Length == 0) throw new ArgumentException("A parameter group needs at least one parameter.", nameof(parameters));
        var device = _parameters[0].device;
        _offsets = new long[_parameters.Length + 1];
        _withoutGradient = new bool[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.dtype != ScalarType.Float32) throw new ArgumentException($"Parameter {i} is {p.dtype}; these optimizers step float32 parameters.", nameof(parameters));
            if (p.device.ToString() != device.ToString()) throw new ArgumentException($"Parameter {i} lives on {p.device}, parameter 0 on {device}; a group's parameters share one device.", nameof(parameters));
            _offsets[i + 1] = _offsets[i] + p.numel();
        }
        Device = ComputeDevice.Parse(device.ToString());
        Values = FlatVector.Zeros(_offsets[^1], Device);
        Gradients = withGradients ? FlatVector.Zeros(_offsets[^1], Device) : null;
    }

    /// <summary>The device of the parameters and of the copy.</summary>
    public ComputeDevice Device { get; }

    /// <summary>The flat parameter values (valid after <see cref="GatherValues"/>).</summary>
    public FlatVector Values { get; }

    /// <summary>The flat gradients (valid after <see cref="GatherGradients"/>), or null when not requested.</summary>
    public FlatVector? Gradients { get; }

    /// <summary>Copies the parameters into <see cref="Values"/>.</summary>
    public void GatherValues()
    {
        for (var i = 0; i < _parameters.Length; i++) CopyIn(_parameters[i], Values, i);
    }

    /// <summary>
    /// Copies the gradients into <see cref="Gradients"/>; a parameter without a gradient contributes zeros and is not
    /// written back by <see cref="ScatterValues"/>. Returns whether any parameter has a gradient.
    /// </summary>
    public bool GatherGradients()
    {
        var gradients = Gradients ?? throw new InvalidOperationException("This copy holds no gradients.");
        var any = false;
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var grad = _parameters[i].grad;
            _withoutGradient[i] = grad is null;
            any |= grad is not null;
            if (grad is null)
            {
                using var slice = Slice(gradients, i);
                slice.zero_();
            }
            else
            {
                CopyIn(grad, gradients, i);
            }
        }
        return any;
    }

    /// <summary>Copies <see cref="Values"/> back into the parameters that had a gradient.</summary>
    public void ScatterValues()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_withoutGradient[i]) continue;
            var p = _parameters[i];
            if (Device.IsCpu && p.is_contiguous() && Values.Length <= int.MaxValue)
            {
                Values.AsSpan().Slice((int)_offsets[i], (int)p.numel()).CopyTo(HostSpan(p));
                continue;
            }
            using var scope = NewDisposeScope();
            using (no_grad()) p.copy_(Slice(Values, i).view(p.shape));
        }
    }

    /// <summary>Releases the flat copies.</summary>
    public void Dispose()
    {
        Values.Dispose();
        Gradients?.Dispose();
    }

    private void CopyIn(Tensor source, FlatVector destination, int index)
    {
        if (Device.IsCpu && source.is_contiguous() && destination.Length <= int.MaxValue)
        {
            HostSpan(source).CopyTo(destination.AsSpan().Slice((int)_offsets[index], (int)source.numel()));
            return;
        }
        using var scope = NewDisposeScope();
        using (no_grad()) Slice(destination, index).copy_(source.reshape(-1));
    }

    private Tensor Slice(FlatVector vector, int index) => vector.Tensor.narrow(0, _offsets[index], _offsets[index + 1] - _offsets[index]);

    private static Span<float> HostSpan(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);
}
