using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// A flat float32 vector as a backend sees it: a pinned host address for the CPU backend, a TorchSharp-held
/// <see cref="FlatVector"/> for the tensor backend, or, for the CPU backend, pieces of host memory laid out as one
/// logical vector (<see cref="SegmentedVector"/>: the parameters and gradients of a TorchSharp model, stepped in
/// place). <see cref="IsNone"/> marks an absent optional vector.
/// </summary>
internal readonly unsafe struct Vec
{
    public Vec(float* pointer, long length)
    {
        Pointer = pointer;
        Length = length;
    }

    public Vec(FlatVector flat)
    {
        Flat = flat;
        Length = flat.Length;
    }

    public Vec(SegmentedVector segments)
    {
        Segments = segments;
        Length = segments.Layout.Length;
    }

    public float* Pointer { get; }

    public FlatVector? Flat { get; }

    /// <summary>The pieces of a segmented vector, or null.</summary>
    public SegmentedVector? Segments { get; }

    public long Length { get; }

    public bool IsNone => Pointer == null && Flat is null && Segments is null;

    public static Vec None => default;
}

/// <summary>Three double-precision sums returned by a fused reduction.</summary>
internal readonly record struct Sums3(double First, double Second, double Third)
{
    public bool AllFinite => double.IsFinite(First) && double.IsFinite(Second) && double.IsFinite(Third);

    public static Sums3 operator +(Sums3 a, Sums3 b) => new(a.First + b.First, a.Second + b.Second, a.Third + b.Third);
}

/// <summary>
/// Coefficients of the fused heavy-ball kernel: g' = g + wd·x; m ← a·m + b·g'; x ← x·decay − (p·m + q·g').
/// Every SGD-momentum form (PyTorch, Sutskever, EMA), Nesterov and Demon are choices of these numbers.
/// </summary>
internal readonly record struct MomentumCoefficients(float WeightDecay, float A, float B, float P, float Q, float Decay);

/// <summary>
/// Adam's second moment v ← β2·v + (1 − β2)·g² and denominator D = √v·invSqrtBc2 + ε, as the kernels apply them
/// (float32). Each coefficient is computed in double from the double options and rounded to float once
/// (<see cref="At"/>): 1 − β2 taken in float from a float β2 (1 − 0.999f) is 1.3e-5 too small.
/// </summary>
internal readonly record struct SecondMomentCoefficients(float Beta2, float OneMinusBeta2, float InvSqrtBc2, float Epsilon)
{
    /// <summary>The coefficients of step <paramref name="k"/> (1-based): invSqrtBc2 = 1/√(1 − β2^k).</summary>
    public static SecondMomentCoefficients At(double beta2, double epsilon, long k)
        => new((float)beta2, (float)(1 - beta2), (float)(1 / Math.Sqrt(1 - Math.Pow(beta2, k))), (float)epsilon);
}

/// <summary>
/// Coefficients of the fused Adam kernel: g' = g + wd·x; m ← a·m + b·g'; v ← β2·v + (1 − β2)·g'²;
/// x ← x·decay − step·m / (√v·invSqrtBc2 + ε).
/// </summary>
internal readonly record struct AdamCoefficients(float WeightDecay, float A, float B, SecondMomentCoefficients Moment, float Step, float Decay);

/// <summary>
/// Coefficients of MoMo's two passes: pass 1 updates d ← a·d + b·g and, for MoMo-Adam, v ← β2·v + (1 − β2)·g²
/// (direction d/D with D = √v·invSqrtBc2 + ε, else d); pass 2 does x ← (x·pre − τ·direction)·post.
/// </summary>
internal readonly record struct MomoCoefficients(float A, float B, bool Adam, SecondMomentCoefficients Moment)
{
    /// <summary>
    /// MoMo's update through its base kernel, the Adam (MoMo-Adam) or heavy-ball (MoMo) kernel without weight decay:
    /// d (and v) updated in place as pass 1 computes them, then x ← x·decay − step·direction; acc += x.
    /// </summary>
    public void BaseStep(IVectorBackend backend, Vec x, Vec g, Vec d, Vec v, Vec accumulate, float decay, float step)
    {
        if (Adam) backend.Adam(x, g, d, v, accumulate, new AdamCoefficients(0, A, B, Moment, step, decay));
        else backend.Momentum(x, g, d, accumulate, new MomentumCoefficients(0, A, B, step, 0, decay));
    }
}
