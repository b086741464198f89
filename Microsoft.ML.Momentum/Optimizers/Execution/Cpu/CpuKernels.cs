using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

// The fused CPU loops. Each processes one range with SIMD and a scalar tail that performs exactly the same float
// operations in the same order (no FMA contraction), so results never depend on alignment, range boundaries or
// thread count. Sums accumulate in double. Every Run is compiled fully optimized at its first call: an optimizer
// calls a kernel once or a few times per step, so tiered compilation would run the first tens of steps in tier-0
// or instrumented code, several times slower.

/// <summary>Finite check: a float is NaN or ±∞ exactly when its exponent bits are all ones (no dependency chain).</summary>
internal unsafe struct AllFiniteKernel : IReduceKernel, ISegmentKernel<AllFiniteKernel>
{
    public readonly AllFiniteKernel Rebased(float* first, float* second) => this with { Values = first };

    private const int ExponentBits = 0x7F800000;

    public float* Values;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var exponent = new Vector<int>(ExponentBits);
        var bad = Vector<int>.Zero;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            bad |= Vector.Equals(Vector.AsVectorInt32(Vector.Load(Values + i)) & exponent, exponent);
        }
        var ok = bad == Vector<int>.Zero;
        for (; i < end; i++) ok &= float.IsFinite(Values[i]);
        return new Sums3(ok ? 0 : double.NaN, 0, 0);
    }
}

/// <summary>
/// x ← x·decay − lr·(g + wd·x); acc += x. The coupled decay term is skipped when wd = 0 (in every kernel here, as
/// PyTorch does), so a NaN or ±∞ in x stays out of the momentum buffers.
/// </summary>
internal unsafe struct SgdKernel : IRangeKernel, ISegmentKernel<SgdKernel>
{
    public readonly SgdKernel Rebased(float* first, float* second) => this with { X = first, G = second };

    public float* X, G, Acc;
    public float WeightDecay, LearningRate, Decay;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var (decayed, vwd) = (WeightDecay != 0, new Vector<float>(WeightDecay));
        var vlr = new Vector<float>(LearningRate);
        var vdecay = new Vector<float>(Decay);
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = decayed ? Vector.Load(G + i) + vwd * x : Vector.Load(G + i);
            x = x * vdecay - vlr * g;
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = decayed ? G[i] + WeightDecay * x : G[i];
            x = x * Decay - LearningRate * g;
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}

/// <summary>g' = g + wd·x; m ← a·m + b·g'; x ← x·decay − (p·m + q·g'); acc += x.</summary>
internal unsafe struct MomentumKernel : IRangeKernel, ISegmentKernel<MomentumKernel>
{
    public readonly MomentumKernel Rebased(float* first, float* second) => this with { X = first, G = second };

    public float* X, G, M, Acc;
    public MomentumCoefficients C;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var c = C;
        var (decayed, vwd) = (c.WeightDecay != 0, new Vector<float>(c.WeightDecay));
        var va = new Vector<float>(c.A);
        var vb = new Vector<float>(c.B);
        var vp = new Vector<float>(c.P);
        var vq = new Vector<float>(c.Q);
        var vdecay = new Vector<float>(c.Decay);
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = decayed ? Vector.Load(G + i) + vwd * x : Vector.Load(G + i);
            var m = va * Vector.Load(M + i) + vb * g;
            m.Store(M + i);
            x = x * vdecay - (vp * m + vq * g);
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = decayed ? G[i] + c.WeightDecay * x : G[i];
            var m = c.A * M[i] + c.B * g;
            M[i] = m;
            x = x * c.Decay - (c.P * m + c.Q * g);
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}

/// <summary>The fused Adam update (see <see cref="AdamCoefficients"/>); acc += x.</summary>
internal unsafe struct AdamKernel : IRangeKernel, ISegmentKernel<AdamKernel>
{
    public readonly AdamKernel Rebased(float* first, float* second) => this with { X = first, G = second };

    public float* X, G, M, V, Acc;
    public AdamCoefficients C;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var c = C;
        var moment = new SecondMoment(c.Moment);
        var (decayed, vwd) = (c.WeightDecay != 0, Vector256.Create(c.WeightDecay));
        var va = Vector256.Create(c.A);
        var vb = Vector256.Create(c.B);
        var vstep = Vector256.Create(c.Step);
        var vdecay = Vector256.Create(c.Decay);
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var x = Vector256.Load(X + i);
            var g = decayed ? Vector256.Load(G + i) + vwd * x : Vector256.Load(G + i);
            var m = va * Vector256.Load(M + i) + vb * g;
            var v = moment.Update(Vector256.Load(V + i), g);
            m.Store(M + i);
            v.Store(V + i);
            x = x * vdecay - vstep * (m / moment.Denominator(v));
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = decayed ? G[i] + c.WeightDecay * x : G[i];
            var m = c.A * M[i] + c.B * g;
            var v = moment.Update(V[i], g);
            M[i] = m;
            V[i] = v;
            x = x * c.Decay - c.Step * (m / moment.Denominator(v));
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}

/// <summary>AutoDrop's window end (see <see cref="IVectorBackend.WindowEnd"/>).</summary>
internal unsafe struct WindowEndKernel : IReduceKernel, ISegmentKernel<WindowEndKernel>
{
    public readonly WindowEndKernel Rebased(float* first, float* second) => this with { Window = first };

    public float* Window, PreviousMean, PreviousStep;
    public float Scale;
    public bool HasPrevious, HasPreviousStep, Clear;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        double dot = 0, n1 = 0, n2 = 0;
        for (var i = start; i < end; i++)
        {
            var y = Window[i] * Scale;
            if (HasPrevious)
            {
                var s = y - PreviousMean[i];
                if (HasPreviousStep)
                {
                    double sp = PreviousStep[i];
                    dot += s * sp;
                    n1 += (double)s * s;
                    n2 += sp * sp;
                }
                PreviousStep[i] = s;
            }
            PreviousMean[i] = y;
            if (Clear) Window[i] = 0;
        }
        return new Sums3(dot, n1, n2);
    }
}

/// <summary>y ← y + alpha·x.</summary>
internal unsafe struct AxpyKernel : IRangeKernel, ISegmentKernel<AxpyKernel>
{
    public readonly AxpyKernel Rebased(float* first, float* second) => this with { X = first };

    public float* Y, X;
    public float Alpha;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        for (var i = start; i < end; i++) Y[i] += Alpha * X[i];
    }
}

/// <summary>destination ← alpha·source.</summary>
internal unsafe struct ScaleIntoKernel : IRangeKernel, ISegmentKernel<ScaleIntoKernel>
{
    public readonly ScaleIntoKernel Rebased(float* first, float* second) => this with { Destination = first };

    public float* Destination, Source;
    public float Alpha;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        for (var i = start; i < end; i++) Destination[i] = Alpha * Source[i];
    }
}
