using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers.Execution;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// Where a group's CPU float32 parameters (and their gradients) lie in host memory, read afresh at every step, so
/// the CPU kernels run over the tensors' own memory: each tensor is a piece at its offset in the group, and the
/// group's state vectors are flat over the group. Tensors adjacent in memory (a flattened module's views of one
/// buffer) merge into one piece. A parameter without a gradient is left out of the step, as <c>torch.optim</c>
/// leaves it: its values and its part of the state stay as they are, and it is not in MoMo's sums.
/// </summary>
internal sealed class ParameterPieces
{
    private readonly Parameter[] _parameters;
    private readonly long[] _offsets;

    /// <summary>The pieces of <paramref name="parameters"/>, laid out in their order.</summary>
    public ParameterPieces(IEnumerable<Parameter> parameters)
    {
        _parameters = [.. parameters];
        _offsets = new long[_parameters.Length + 1];
        for (var i = 0; i < _parameters.Length; i++) _offsets[i + 1] = _offsets[i] + _parameters[i].numel();
    }

    /// <summary>
    /// The parameters (and, with <paramref name="withGradients"/>, the gradients) as segmented vectors over the
    /// group, or null when some tensor is not a contiguous CPU float32 tensor (the caller copies then). With
    /// gradients, parameters without one are holes; a layout of no pieces means no parameter has a gradient.
    /// </summary>
    public (SegmentedVector Parameters, SegmentedVector? Gradients)? Locate(bool withGradients)
    {
        var n = _parameters.Length;
        var (starts, lengths, x, g) = (new long[n], new long[n], new nint[n], withGradients ? new nint[n] : null);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var p = _parameters[i];
            if (!InPlace(p)) return null;
            var length = _offsets[i + 1] - _offsets[i];
            nint gradient = 0;
            if (g is not null)
            {
                using var grad = p.grad;
                if (grad is null) continue;
                if (!InPlace(grad) || grad.numel() != length) return null;
                gradient = Address(grad);
            }
            if (length == 0) continue;
            var address = Address(p);
            if (count > 0 && Continues(starts, lengths, x, count - 1, _offsets[i], address) && (g is null || Continues(starts, lengths, g, count - 1, _offsets[i], gradient)))
            {
                lengths[count - 1] += length;
                continue;
            }
            (starts[count], lengths[count], x[count]) = (_offsets[i], length, address);
            if (g is not null) g[count] = gradient;
            count++;
        }
        var layout = new SegmentLayout(starts, lengths, count, _offsets[^1]);
        return (new SegmentedVector(layout, x), g is null ? null : new SegmentedVector(layout, g));
    }

    private static bool InPlace(Tensor tensor)
        => tensor.device_type == TorchSharp.DeviceType.CPU && tensor.dtype == ScalarType.Float32 && tensor.is_contiguous();

    /// <summary>Whether logical offset <paramref name="start"/> at <paramref name="address"/> extends piece <paramref name="s"/> in memory.</summary>
    private static bool Continues(long[] starts, long[] lengths, nint[] addresses, int s, long start, nint address)
        => starts[s] + lengths[s] == start && addresses[s] + (nint)(lengths[s] * sizeof(float)) == address;

    /// <summary>The first float's address: the data span directly below 2 GiB (no views to create), else <see cref="HostMemory.AddressOf"/>.</summary>
    private static unsafe nint Address(Tensor tensor)
        => tensor.numel() * sizeof(float) <= int.MaxValue
            ? (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(tensor.bytes))
            : HostMemory.AddressOf(tensor);
}
