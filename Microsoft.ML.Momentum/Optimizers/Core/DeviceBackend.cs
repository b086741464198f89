using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Optimizers.Core;

/// <summary>
/// The device backend: the same algorithm as <see cref="CpuBackend"/> through the native ATen kernels, on the
/// device that holds the parameters (a GPU, or the CPU, which is how tests compare the two backends).
/// </summary>
internal sealed unsafe class DeviceBackend(ComputeDevice device) : IVectorBackend
{
    public ComputeDevice Device { get; } = device;

    public StateVector Allocate(long length) => new DeviceStateVector(NativeVector.Zeros(length, Device));

    public StateVector FromValues(float[] values) => new DeviceStateVector(NativeVector.FromArray(values, Device));

    public bool AllFinite(Vec vector)
    {
        NativeError.Check(NativeMethods.KernelAllFinite(H(vector), out var finite), "checking a vector for non-finite values");
        GC.KeepAlive(vector.Native);
        return finite != 0;
    }

    public void Sgd(Vec x, Vec g, Vec accumulate, float weightDecay, float learningRate, float decay)
    {
        NativeError.Check(NativeMethods.KernelSgd(H(x), H(g), H(accumulate), weightDecay, learningRate, decay), "SGD step");
        KeepAlive(x, g, accumulate);
    }

    public void Momentum(Vec x, Vec g, Vec m, Vec accumulate, in MomentumCoefficients c)
    {
        NativeError.Check(NativeMethods.KernelMomentum(H(x), H(g), H(m), H(accumulate), c.WeightDecay, c.A, c.B, c.P, c.Q, c.Decay), "momentum step");
        KeepAlive(x, g, m, accumulate);
    }

    public void Adam(Vec x, Vec g, Vec m, Vec v, Vec accumulate, in AdamCoefficients c)
    {
        NativeError.Check(NativeMethods.KernelAdam(H(x), H(g), H(m), H(v), H(accumulate), c.WeightDecay, c.A, c.B, c.Beta2, c.InvSqrtBc2,
            c.Epsilon, c.Step, c.Decay), "Adam step");
        KeepAlive(x, g, m, v, accumulate);
    }

    public Sums3 MomoMoments(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c)
    {
        var sums = stackalloc double[3];
        NativeError.Check(NativeMethods.KernelMomoMoments(H(x), H(g), H(d), c.Adam ? H(v) : IntPtr.Zero, H(dNext), c.Adam ? H(vNext) : IntPtr.Zero,
            c.Adam ? H(direction) : IntPtr.Zero, c.A, c.B, c.Beta2, c.InvSqrtBc2, c.Epsilon, sums), "MoMo moments");
        KeepAlive(x, g, d, v, dNext, vNext, direction);
        return new Sums3(sums[0], sums[1], sums[2]);
    }

    public void MomoStep(Vec x, Vec direction, Vec accumulate, float pre, float tau, float post)
    {
        NativeError.Check(NativeMethods.KernelMomoStep(H(x), H(direction), H(accumulate), pre, tau, post), "MoMo update");
        KeepAlive(x, direction, accumulate);
    }

    public bool MomoCappedStep(Vec x, Vec g, Vec d, Vec v, in MomoCoefficients c, float decay, float step, out Sums3 sums)
    {
        // The same values in two native calls: the sums alone (non-finite when g or x is, so g needs a check of its
        // own only then), then the heavy-ball or Adam update with the cap. No more calls than a two-pass step.
        sums = MomoMoments(x, g, d, v, Vec.None, Vec.None, Vec.None, c);
        if (!sums.AllFinite && !AllFinite(g)) return false;
        c.BaseStep(this, x, g, d, v, Vec.None, decay, step);
        return true;
    }

    public void MomoCorrect(Vec x, Vec d, Vec v, in MomoCoefficients c, float delta)
    {
        NativeError.Check(NativeMethods.KernelMomoCorrect(H(x), H(d), c.Adam ? H(v) : IntPtr.Zero, c.InvSqrtBc2, c.Epsilon, delta), "MoMo correction");
        KeepAlive(x, d, v);
    }

    public Sums3 WindowEnd(Vec window, Vec previousMean, Vec previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow)
    {
        var sums = stackalloc double[3];
        NativeError.Check(NativeMethods.KernelWindowEnd(H(window), H(previousMean), H(previousStep), scale, hasPrevious ? 1 : 0,
            hasPreviousStep ? 1 : 0, clearWindow ? 1 : 0, sums), "AutoDrop window");
        KeepAlive(window, previousMean, previousStep);
        return new Sums3(sums[0], sums[1], sums[2]);
    }

    public void Axpy(Vec y, float alpha, Vec x)
    {
        NativeError.Check(NativeMethods.KernelAxpy(H(y), alpha, H(x)), "axpy");
        KeepAlive(y, x);
    }

    public void ScaleInto(Vec destination, float alpha, Vec source)
    {
        NativeError.Check(NativeMethods.KernelScaleInto(H(destination), alpha, H(source)), "scale");
        KeepAlive(destination, source);
    }

    private static IntPtr H(Vec v) => v.Native is { } native ? native.Handle.DangerousGetHandle() : IntPtr.Zero;

    private static void KeepAlive(params ReadOnlySpan<Vec> vectors)
    {
        foreach (var v in vectors) GC.KeepAlive(v.Native);
    }
}
