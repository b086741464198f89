using System.Numerics;

namespace Microsoft.ML.Momentum.Optimizers.Core;

// The fused CPU loops. Each processes one range with Vector<T> SIMD and a scalar tail that performs exactly
// the same float operations in the same order (no FMA contraction), so results never depend on alignment,
// range boundaries or thread count. Sums accumulate in double.

/// <summary>Finite check: accumulates g − g (0 for finite, NaN otherwise).</summary>
internal unsafe struct AllFiniteKernel : IReduceKernel
{
    public float* Values;

    public readonly Sums3 Run(long start, long end)
    {
        var acc = Vector<float>.Zero;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = Vector.Load(Values + i);
            acc += v - v;
        }
        var tail = 0f;
        for (; i < end; i++) tail += Values[i] - Values[i];
        var ok = Vector.EqualsAll(acc, Vector<float>.Zero) && tail == 0f;
        return new Sums3(ok ? 0 : double.NaN, 0, 0);
    }
}

/// <summary>x ← x·decay − lr·(g + wd·x); acc += x.</summary>
internal unsafe struct SgdKernel : IRangeKernel
{
    public float* X, G, Acc;
    public float WeightDecay, LearningRate, Decay;

    public readonly void Run(long start, long end)
    {
        var vwd = new Vector<float>(WeightDecay);
        var vlr = new Vector<float>(LearningRate);
        var vdecay = new Vector<float>(Decay);
        var hasAcc = Acc != null;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = Vector.Load(G + i) + vwd * x;
            x = x * vdecay - vlr * g;
            x.Store(X + i);
            if (hasAcc) (Vector.Load(Acc + i) + x).Store(Acc + i);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = G[i] + WeightDecay * x;
            x = x * Decay - LearningRate * g;
            X[i] = x;
            if (hasAcc) Acc[i] += x;
        }
    }
}

/// <summary>g' = g + wd·x; m ← a·m + b·g'; x ← x·decay − (p·m + q·g'); acc += x.</summary>
internal unsafe struct MomentumKernel : IRangeKernel
{
    public float* X, G, M, Acc;
    public MomentumCoefficients C;

    public readonly void Run(long start, long end)
    {
        var c = C;
        var vwd = new Vector<float>(c.WeightDecay);
        var va = new Vector<float>(c.A);
        var vb = new Vector<float>(c.B);
        var vp = new Vector<float>(c.P);
        var vq = new Vector<float>(c.Q);
        var vdecay = new Vector<float>(c.Decay);
        var hasAcc = Acc != null;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = Vector.Load(G + i) + vwd * x;
            var m = va * Vector.Load(M + i) + vb * g;
            m.Store(M + i);
            x = x * vdecay - (vp * m + vq * g);
            x.Store(X + i);
            if (hasAcc) (Vector.Load(Acc + i) + x).Store(Acc + i);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = G[i] + c.WeightDecay * x;
            var m = c.A * M[i] + c.B * g;
            M[i] = m;
            x = x * c.Decay - (c.P * m + c.Q * g);
            X[i] = x;
            if (hasAcc) Acc[i] += x;
        }
    }
}

/// <summary>The fused Adam update (see <see cref="AdamCoefficients"/>); acc += x.</summary>
internal unsafe struct AdamKernel : IRangeKernel
{
    public float* X, G, M, V, Acc;
    public AdamCoefficients C;

    public readonly void Run(long start, long end)
    {
        var c = C;
        var oneMinusBeta2 = 1f - c.Beta2;
        var vwd = new Vector<float>(c.WeightDecay);
        var va = new Vector<float>(c.A);
        var vb = new Vector<float>(c.B);
        var vb2 = new Vector<float>(c.Beta2);
        var vomb2 = new Vector<float>(oneMinusBeta2);
        var visb = new Vector<float>(c.InvSqrtBc2);
        var veps = new Vector<float>(c.Epsilon);
        var vstep = new Vector<float>(c.Step);
        var vdecay = new Vector<float>(c.Decay);
        var hasAcc = Acc != null;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = Vector.Load(G + i) + vwd * x;
            var m = va * Vector.Load(M + i) + vb * g;
            var v = vb2 * Vector.Load(V + i) + vomb2 * (g * g);
            m.Store(M + i);
            v.Store(V + i);
            var den = Vector.SquareRoot(v) * visb + veps;
            x = x * vdecay - vstep * (m / den);
            x.Store(X + i);
            if (hasAcc) (Vector.Load(Acc + i) + x).Store(Acc + i);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = G[i] + c.WeightDecay * x;
            var m = c.A * M[i] + c.B * g;
            var v = c.Beta2 * V[i] + oneMinusBeta2 * (g * g);
            M[i] = m;
            V[i] = v;
            var den = MathF.Sqrt(v) * c.InvSqrtBc2 + c.Epsilon;
            x = x * c.Decay - c.Step * (m / den);
            X[i] = x;
            if (hasAcc) Acc[i] += x;
        }
    }
}

/// <summary>MoMo's read-only pass: (⟨g,x⟩, ⟨d',x⟩, Σ d'·dir') accumulated in double (products rounded to float), d' and v' not stored.</summary>
internal unsafe struct MomoReduceKernel : IReduceKernel
{
    public float* X, G, D, V;
    public MomoCoefficients C;

    public readonly Sums3 Run(long start, long end)
    {
        var c = C;
        var oneMinusBeta2 = 1f - c.Beta2;
        var va = new Vector<float>(c.A);
        var vb = new Vector<float>(c.B);
        var vb2 = new Vector<float>(c.Beta2);
        var vomb2 = new Vector<float>(oneMinusBeta2);
        var visb = new Vector<float>(c.InvSqrtBc2);
        var veps = new Vector<float>(c.Epsilon);
        Vector<double> sgx = default, sdx = default, snn = default;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = Vector.Load(G + i);
            var d = va * Vector.Load(D + i) + vb * g;
            var dir = d;
            if (c.Adam)
            {
                var v = vb2 * Vector.Load(V + i) + vomb2 * (g * g);
                dir = d / (Vector.SquareRoot(v) * visb + veps);
            }
            // Products in float (one rounding each), accumulation in double.
            Vector.Widen(g * x, out var gx0, out var gx1);
            Vector.Widen(d * x, out var dx0, out var dx1);
            Vector.Widen(d * dir, out var nn0, out var nn1);
            sgx += gx0 + gx1;
            sdx += dx0 + dx1;
            snn += nn0 + nn1;
        }
        double tgx = 0, tdx = 0, tnn = 0;
        for (; i < end; i++)
        {
            var x = X[i];
            var g = G[i];
            var d = c.A * D[i] + c.B * g;
            var dir = d;
            if (c.Adam)
            {
                var v = c.Beta2 * V[i] + oneMinusBeta2 * (g * g);
                dir = d / (MathF.Sqrt(v) * c.InvSqrtBc2 + c.Epsilon);
            }
            tgx += g * x;
            tdx += d * x;
            tnn += d * dir;
        }
        return new Sums3(Vector.Sum(sgx) + tgx, Vector.Sum(sdx) + tdx, Vector.Sum(snn) + tnn);
    }
}

/// <summary>MoMo's second pass: stores d', v'; x ← (x·pre − τ·dir')·post; acc += x.</summary>
internal unsafe struct MomoApplyKernel : IRangeKernel
{
    public float* X, G, D, V, Acc;
    public MomoCoefficients C;
    public float Pre, Tau, Post;

    public readonly void Run(long start, long end)
    {
        var c = C;
        var oneMinusBeta2 = 1f - c.Beta2;
        var va = new Vector<float>(c.A);
        var vb = new Vector<float>(c.B);
        var vb2 = new Vector<float>(c.Beta2);
        var vomb2 = new Vector<float>(oneMinusBeta2);
        var visb = new Vector<float>(c.InvSqrtBc2);
        var veps = new Vector<float>(c.Epsilon);
        var vpre = new Vector<float>(Pre);
        var vtau = new Vector<float>(Tau);
        var vpost = new Vector<float>(Post);
        var hasAcc = Acc != null;
        var i = start;
        for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x = Vector.Load(X + i);
            var g = Vector.Load(G + i);
            var d = va * Vector.Load(D + i) + vb * g;
            d.Store(D + i);
            var dir = d;
            if (c.Adam)
            {
                var v = vb2 * Vector.Load(V + i) + vomb2 * (g * g);
                v.Store(V + i);
                dir = d / (Vector.SquareRoot(v) * visb + veps);
            }
            x = (x * vpre - vtau * dir) * vpost;
            x.Store(X + i);
            if (hasAcc) (Vector.Load(Acc + i) + x).Store(Acc + i);
        }
        for (; i < end; i++)
        {
            var x = X[i];
            var g = G[i];
            var d = c.A * D[i] + c.B * g;
            D[i] = d;
            var dir = d;
            if (c.Adam)
            {
                var v = c.Beta2 * V[i] + oneMinusBeta2 * (g * g);
                V[i] = v;
                dir = d / (MathF.Sqrt(v) * c.InvSqrtBc2 + c.Epsilon);
            }
            x = (x * Pre - Tau * dir) * Post;
            X[i] = x;
            if (hasAcc) Acc[i] += x;
        }
    }
}

/// <summary>AutoDrop's window end (see <see cref="IVectorBackend.WindowEnd"/>).</summary>
internal unsafe struct WindowEndKernel : IReduceKernel
{
    public float* Window, PreviousMean, PreviousStep;
    public float Scale;
    public bool HasPrevious, HasPreviousStep, Clear;

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
internal unsafe struct AxpyKernel : IRangeKernel
{
    public float* Y, X;
    public float Alpha;

    public readonly void Run(long start, long end)
    {
        for (var i = start; i < end; i++) Y[i] += Alpha * X[i];
    }
}

/// <summary>destination ← alpha·source.</summary>
internal unsafe struct ScaleIntoKernel : IRangeKernel
{
    public float* Destination, Source;
    public float Alpha;

    public readonly void Run(long start, long end)
    {
        for (var i = start; i < end; i++) Destination[i] = Alpha * Source[i];
    }
}
