using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Momentum.Optimizers.Core;

// Building blocks the CPU kernels share. Each has a SIMD form and a scalar form that perform the same float
// operations in the same order (no FMA contraction in float), so a kernel's scalar tail rounds exactly like its
// SIMD body.

/// <summary>Adam's second moment v ← β2·v + (1 − β2)·g² and denominator D = √v·invSqrtBc2 + ε, in float.</summary>
internal readonly struct SecondMoment
{
    private readonly Vector256<float> _beta2, _oneMinusBeta2, _scale, _epsilon;

    public SecondMoment(float beta2, float invSqrtBc2, float epsilon)
    {
        _beta2 = Vector256.Create(beta2);
        _oneMinusBeta2 = Vector256.Create(1f - beta2);
        _scale = Vector256.Create(invSqrtBc2);
        _epsilon = Vector256.Create(epsilon);
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

/// <summary>
/// Sums of float products in double, eight lanes at a time. Both factors are widened first, so each product is
/// exact (a float×float product has at most 48 significant bits) and only the accumulation rounds, as in the
/// device backend's <c>sum(a.double() * b.double())</c>. With AVX-512 one instruction widens eight floats; without
/// it <see cref="Vector512{T}"/> runs as two 256-bit halves with the same per-lane operations and the same result.
/// </summary>
internal static class ExactProducts
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Widen(Vector256<float> value)
        => Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(value) : Vector512.Create(Vector256.WidenLower(value), Vector256.WidenUpper(value));

    /// <summary>sum + a·b per lane, with one rounding (the product itself is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> sum, Vector512<double> a, Vector512<double> b) => Vector512.FusedMultiplyAdd(a, b, sum);

    /// <summary>The lanes added in a fixed order (lane 0 first), then <paramref name="tail"/>.</summary>
    public static double Total(Vector512<double> sum, double tail)
    {
        var total = 0.0;
        for (var lane = 0; lane < Vector512<double>.Count; lane++) total += sum[lane];
        return total + tail;
    }
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
