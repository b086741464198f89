using Microsoft.ML.Momentum.Engine;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// The tensor backend: the same algorithm as <see cref="CpuBackend"/> as TorchSharp ops (<see cref="TensorKernels"/>)
/// on the device that holds the parameters (a GPU, or the CPU, which is how tests compare the two backends). Checks
/// that every vector is a tensor of the parameters' length on the parameters' device, then runs the kernel.
/// </summary>
internal sealed class TensorBackend(ComputeDevice device) : IVectorBackend
{
    public ComputeDevice Device { get; } = device;

    public StateVector Allocate(long length) => new TensorStateVector(Owned(FlatVector.Zeros(length, Device)));

    public StateVector FromValues(float[] values) => new TensorStateVector(Owned(FlatVector.FromArray(values, Device)));

    public bool AllFinite(Vec vector) => TensorKernels.AllFinite(Parameters(vector, "vector").Tensor);

    public void Sgd(Vec x, Vec g, Vec accumulate, float weightDecay, float learningRate, float decay)
    {
        var xv = Parameters(x);
        TensorKernels.Sgd(xv.Tensor, Like(xv, g, "g"), Optional(xv, accumulate, "accumulate"), weightDecay, learningRate, decay);
    }

    public void Momentum(Vec x, Vec g, Vec m, Vec accumulate, in MomentumCoefficients c)
    {
        var xv = Parameters(x);
        TensorKernels.Momentum(xv.Tensor, Like(xv, g, "g"), Like(xv, m, "m"), Optional(xv, accumulate, "accumulate"), c);
    }

    public void Adam(Vec x, Vec g, Vec m, Vec v, Vec accumulate, in AdamCoefficients c)
    {
        var xv = Parameters(x);
        TensorKernels.Adam(xv.Tensor, Like(xv, g, "g"), Like(xv, m, "m"), Like(xv, v, "v"), Optional(xv, accumulate, "accumulate"), c);
    }

    public Sums3 MomoMoments(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c)
    {
        var xv = Parameters(x);
        var write = !dNext.IsNone;
        if (c.Adam && write && (vNext.IsNone || direction.IsNone)) throw new ArgumentException("MoMo-Adam's pass 1 writes d, v and the direction together.");
        return TensorKernels.MomoMoments(xv.Tensor, Like(xv, g, "g"), Like(xv, d, "d"), c.Adam ? Like(xv, v, "v") : null,
            Optional(xv, dNext, "dNext"), c.Adam && write ? Like(xv, vNext, "vNext") : null, c.Adam && write ? Like(xv, direction, "direction") : null, c);
    }

    /// <summary>
    /// Length from which MoMo's state is double-buffered on tensors. The value is the CPU backend's (where the cache
    /// decides it), kept so that steps of a given length round alike on both backends; it has not been measured on a
    /// device of its own.
    /// </summary>
    internal const long MomoDoubleBufferMinLength = 1 << 21;

    public bool DoublesMomoState(long length) => length >= MomoDoubleBufferMinLength;

    public void MomoStep(Vec x, Vec direction, Vec accumulate, float pre, float tau, float post)
    {
        var xv = Parameters(x);
        TensorKernels.MomoStep(xv.Tensor, Like(xv, direction, "direction"), Optional(xv, accumulate, "accumulate"), pre, tau, post);
    }

    public bool MomoCappedStep(Vec x, Vec g, Vec d, Vec v, in MomoCoefficients c, float decay, float step, out Sums3 sums)
    {
        // The sums alone (non-finite when g or x is, so g needs a check of its own only then), then the heavy-ball or
        // Adam kernel with the cap: no more kernels than a two-pass step.
        sums = MomoMoments(x, g, d, v, Vec.None, Vec.None, Vec.None, c);
        if (!sums.AllFinite && !AllFinite(g)) return false;
        c.BaseStep(this, x, g, d, v, Vec.None, decay, step);
        return true;
    }

    public void MomoCorrect(Vec x, Vec d, Vec v, in MomoCoefficients c, float delta)
    {
        var xv = Parameters(x);
        TensorKernels.MomoCorrect(xv.Tensor, Like(xv, d, "d"), c.Adam ? Like(xv, v, "v") : null, c, delta);
    }

    public Sums3 WindowEnd(Vec window, Vec previousMean, Vec previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow)
    {
        var wv = Parameters(window, "window");
        return TensorKernels.WindowEnd(wv.Tensor, Like(wv, previousMean, "previousMean"), Like(wv, previousStep, "previousStep"), scale,
            hasPrevious, hasPreviousStep, clearWindow);
    }

    public void Axpy(Vec y, float alpha, Vec x)
    {
        var yv = Parameters(y, "y");
        TensorKernels.Axpy(yv.Tensor, alpha, Like(yv, x, "x"));
    }

    public void ScaleInto(Vec destination, float alpha, Vec source)
    {
        var dv = Parameters(destination, "destination");
        TensorKernels.ScaleInto(dv.Tensor, alpha, Like(dv, source, "source"));
    }

    /// <summary>
    /// State outlives the step that allocates it: detached from any dispose scope the caller has open (a training
    /// step's), it is released only with its <see cref="TensorStateVector"/>.
    /// </summary>
    private static FlatVector Owned(FlatVector vector)
    {
        vector.Tensor.DetachFromDisposeScope();
        return vector;
    }

    /// <summary>The reference vector of a kernel (the parameters, or AutoDrop's window): a tensor on this backend's device.</summary>
    private FlatVector Parameters(Vec vector, string name = "x")
    {
        var flat = vector.Flat ?? throw new ArgumentException($"{name}: the tensor backend needs a tensor, not a host pointer or none.", name);
        if (flat.Device != Device) throw new ArgumentException($"{name} lives on {flat.Device}, this backend's state on {Device}.", name);
        return flat;
    }

    /// <summary>A vector of the reference's length on the reference's device.</summary>
    private static Tensor Like(FlatVector reference, Vec vector, string name)
    {
        var flat = vector.Flat ?? throw new ArgumentException($"{name}: the tensor backend needs a tensor, not a host pointer or none.", name);
        if (flat.Length != reference.Length)
        {
            throw new ArgumentException($"{name}: length {flat.Length} does not match the parameters' length {reference.Length}.", name);
        }
        if (flat.Device != reference.Device) throw new ArgumentException($"{name} lives on {flat.Device}, the parameters on {reference.Device}.", name);
        return flat.Tensor;
    }

    /// <summary>An optional vector: null when none, else as <see cref="Like"/>.</summary>
    private static Tensor? Optional(FlatVector reference, Vec vector, string name) => vector.IsNone ? null : Like(reference, vector, name);
}
