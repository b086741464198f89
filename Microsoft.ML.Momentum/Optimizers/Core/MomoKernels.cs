using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Microsoft.ML.Momentum.Optimizers.Core.ExactProducts;

namespace Microsoft.ML.Momentum.Optimizers.Core;

// MoMo's two passes over memory (after the finiteness check of g). Pass 1 (moments) reads g, x, d (and v), stores
// the new averages and returns the sums τ needs; pass 2 (step) reads d (and v) and x and writes x. Sums add exact
// float products in double (see ExactProducts). 256-bit SIMD with a scalar tail of the same float operations.

/// <summary>MoMo pass 1: d ← a·d + b·g (stored); returns (⟨g,x⟩, ⟨d,x⟩, ‖d‖²) with the new d.</summary>
internal unsafe struct MomoMomentsKernel : IReduceKernel
{
    public float* X, G, D;
    public float A, B;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var va = Vector256.Create(A);
        var vb = Vector256.Create(B);
        Vector512<double> gx = default, dx = default, dd = default;
        double tgx = 0, tdx = 0, tdd = 0;
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var g = Vector256.Load(G + i);
            var d = va * Vector256.Load(D + i) + vb * g;
            d.Store(D + i);
            var wx = Widen(Vector256.Load(X + i));
            var wd = Widen(d);
            gx = Add(gx, Widen(g), wx);
            dx = Add(dx, wd, wx);
            dd = Add(dd, wd, wd);
        }
        for (; i < end; i++)
        {
            var g = G[i];
            var d = A * D[i] + B * g;
            D[i] = d;
            tgx += (double)g * X[i];
            tdx += (double)d * X[i];
            tdd += (double)d * d;
        }
        return new Sums3(Total(gx, tgx), Total(dx, tdx), Total(dd, tdd));
    }
}

/// <summary>
/// MoMo-Adam pass 1: d ← a·d + b·g and v ← β2·v + (1 − β2)·g² (both stored); returns (⟨g,x⟩, ⟨d,x⟩, Σ d·d/D)
/// with D = √v·invSqrtBc2 + ε.
/// </summary>
internal unsafe struct MomoAdamMomentsKernel : IReduceKernel
{
    public float* X, G, D, V;
    public float A, B;
    public SecondMoment Moment;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var va = Vector256.Create(A);
        var vb = Vector256.Create(B);
        var moment = Moment;
        Vector512<double> gx = default, dx = default, dd = default;
        double tgx = 0, tdx = 0, tdd = 0;
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var g = Vector256.Load(G + i);
            var d = va * Vector256.Load(D + i) + vb * g;
            var v = moment.Update(Vector256.Load(V + i), g);
            d.Store(D + i);
            v.Store(V + i);
            var wx = Widen(Vector256.Load(X + i));
            var wd = Widen(d);
            gx = Add(gx, Widen(g), wx);
            dx = Add(dx, wd, wx);
            dd = Add(dd, wd, Widen(d / moment.Denominator(v)));
        }
        for (; i < end; i++)
        {
            var g = G[i];
            var d = A * D[i] + B * g;
            var v = moment.Update(V[i], g);
            D[i] = d;
            V[i] = v;
            tgx += (double)g * X[i];
            tdx += (double)d * X[i];
            tdd += (double)d * (d / moment.Denominator(v));
        }
        return new Sums3(Total(gx, tgx), Total(dx, tdx), Total(dd, tdd));
    }
}

/// <summary>MoMo pass 2: x ← (x·pre − τ·d)·post; acc += x.</summary>
internal unsafe struct MomoStepKernel : IRangeKernel
{
    public float* X, D, Acc;
    public float Pre, Tau, Post;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var vpre = Vector256.Create(Pre);
        var vtau = Vector256.Create(Tau);
        var vpost = Vector256.Create(Post);
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var x = (Vector256.Load(X + i) * vpre - vtau * Vector256.Load(D + i)) * vpost;
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = (X[i] * Pre - Tau * D[i]) * Post;
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}

/// <summary>MoMo-Adam pass 2: x ← (x·pre − τ·d/D)·post with D = √v·invSqrtBc2 + ε; acc += x.</summary>
internal unsafe struct MomoAdamStepKernel : IRangeKernel
{
    public float* X, D, V, Acc;
    public SecondMoment Moment;
    public float Pre, Tau, Post;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var moment = Moment;
        var vpre = Vector256.Create(Pre);
        var vtau = Vector256.Create(Tau);
        var vpost = Vector256.Create(Post);
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var direction = Vector256.Load(D + i) / moment.Denominator(Vector256.Load(V + i));
            var x = (Vector256.Load(X + i) * vpre - vtau * direction) * vpost;
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = (X[i] * Pre - Tau * (D[i] / moment.Denominator(V[i]))) * Post;
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}
