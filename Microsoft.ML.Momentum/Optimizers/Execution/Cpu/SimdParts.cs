using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

// Building blocks the CPU kernels share. Each has a SIMD form and a scalar form that perform the same float
// operations in the same order (no FMA contraction in float), so a kernel's scalar tail rounds exactly like its
// SIMD body.

/// <summary>Adam's second moment v ← β2·v + (1 − β2)·g² and denominator D = √v·invSqrtBc2 + ε, in float (see <see cref="SecondMomentCoefficients"/>).</summary>
internal readonly struct SecondMoment
{
    private readonly Vector256<float> _beta2, _oneMinusBeta2, _scale, _epsilon;

    public SecondMoment(in SecondMomentCoefficients c)
    {
        _beta2 = Vector256.Create(c.Beta2);
        _oneMinusBeta2 = Vector256.Create(c.OneMinusBeta2);
        _scale = Vector256.Create(c.InvSqrtBc2);
        _epsilon = Vector256.Create(c.Epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Update(Vector256<float> v, Vector256<float> g) => _beta2 * v + _oneMinusBeta2 * (g * g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Denominator(Vector256<float> v) => Vector256.Sqrt(v) * _scale + _epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Update(float v, float g) => _beta2[0] * v + _oneMinusBeta2[0] * (g * g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Denominator(float v) => MathF.Sqrt(v) * _scale[0] + _epsilon[0];
}

/// <summary>The optional running sum of the parameters (AutoDrop): acc += x when present.</summary>
internal static unsafe class Accumulator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* acc, long i, Vector<float> x)
    {
        if (acc != null) (Vector.Load(acc + i) + x).Store(acc + i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* acc, long i, Vector256<float> x)
    {
        if (acc != null) (Vector256.Load(acc + i) + x).Store(acc + i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* acc, long i, float x)
    {
        if (acc != null) acc[i] += x;
    }
}
