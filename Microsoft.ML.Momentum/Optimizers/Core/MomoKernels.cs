using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static Microsoft.ML.Momentum.Optimizers.Core.ExactProducts;

namespace Microsoft.ML.Momentum.Optimizers.Core;

// MoMo's two passes over memory. Pass 1 (moments) reads g, x, d (and v) and writes the new averages into the
// spare buffers dNext (and vNext, plus the direction dNext/D for MoMo-Adam), leaving d and v as they were, and
// returns the sums τ needs; a non-finite g or x makes the sums non-finite, so the caller skips the step with its
// state untouched and needs no separate finiteness pass. Pass 2 (step) reads the direction and x and writes x.
// Sums add exact float products in double (see ExactProducts). 256-bit SIMD with a scalar tail of the same float
// operations. For vectors too large for the cache, pass 1 writes with non-temporal stores (no read for
// ownership of the destination lines; the values are the same).

/// <summary>Stores of pass 1: plain, or non-temporal (aligned destinations, fenced at the end of the range).</summary>
internal static unsafe class PassStore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, float* address, bool streaming)
    {
        if (streaming) Avx.StoreAlignedNonTemporal(address, value);
        else value.Store(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fence(bool streaming)
    {
        if (streaming) Sse.StoreFence();
    }
}

/// <summary>MoMo pass 1: dNext ← a·d + b·g; returns (⟨g,x⟩, ⟨dNext,x⟩, ‖dNext‖²).</summary>
internal unsafe struct MomoMomentsKernel : IReduceKernel
{
    public float* X, G, D, DNext;
    public float A, B;
    public bool Streaming;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var va = Vector256.Create(A);
        var vb = Vector256.Create(B);
        var streaming = Streaming;
        Vector512<double> gx = default, dx = default, dd = default;
        double tgx = 0, tdx = 0, tdd = 0;
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var g = Vector256.Load(G + i);
            var d = va * Vector256.Load(D + i) + vb * g;
            PassStore.Store(d, DNext + i, streaming);
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
            DNext[i] = d;
            tgx += (double)g * X[i];
            tdx += (double)d * X[i];
            tdd += (double)d * d;
        }
        PassStore.Fence(streaming);
        return new Sums3(Total(gx, tgx), Total(dx, tdx), Total(dd, tdd));
    }
}

/// <summary>
/// MoMo-Adam pass 1: dNext ← a·d + b·g, vNext ← β2·v + (1 − β2)·g² and u ← dNext/D with D = √vNext·invSqrtBc2 + ε
/// (u only when <see cref="U"/> is set); returns (⟨g,x⟩, ⟨dNext,x⟩, Σ dNext·(dNext/D)).
/// </summary>
internal unsafe struct MomoAdamMomentsKernel : IReduceKernel
{
    public float* X, G, D, V, DNext, VNext, U;
    public float A, B;
    public SecondMoment Moment;
    public bool Streaming;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var va = Vector256.Create(A);
        var vb = Vector256.Create(B);
        var moment = Moment;
        var streaming = Streaming;
        var storeU = U != null;
        Vector512<double> gx = default, dx = default, dd = default;
        double tgx = 0, tdx = 0, tdd = 0;
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var g = Vector256.Load(G + i);
            var d = va * Vector256.Load(D + i) + vb * g;
            var v = moment.Update(Vector256.Load(V + i), g);
            var u = d / moment.Denominator(v);
            PassStore.Store(d, DNext + i, streaming);
            PassStore.Store(v, VNext + i, streaming);
            if (storeU) PassStore.Store(u, U + i, streaming);
            var wx = Widen(Vector256.Load(X + i));
            var wd = Widen(d);
            gx = Add(gx, Widen(g), wx);
            dx = Add(dx, wd, wx);
            dd = Add(dd, wd, Widen(u));
        }
        for (; i < end; i++)
        {
            var g = G[i];
            var d = A * D[i] + B * g;
            var v = moment.Update(V[i], g);
            var u = d / moment.Denominator(v);
            DNext[i] = d;
            VNext[i] = v;
            if (storeU) U[i] = u;
            tgx += (double)g * X[i];
            tdx += (double)d * X[i];
            tdd += (double)d * u;
        }
        PassStore.Fence(streaming);
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
