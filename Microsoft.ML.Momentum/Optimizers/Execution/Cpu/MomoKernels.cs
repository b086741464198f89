using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

// MoMo's first pass over memory (moments) reads g, x, d (and v) and returns the sums τ needs; a non-finite g or x
// makes the sums non-finite. It either writes nothing (the sums alone: the rule then moves x with the heavy-ball or
// Adam kernel, which recomputes the same d and v), or writes the new averages into spare buffers and, for
// MoMo-Adam, the direction u = d/D, which the second pass (step) reads with x to write x. 256-bit SIMD; the tails
// perform the same float operations.
//
// Pass 1 handles one 64-byte line of every vector per iteration and writes each line with two back-to-back
// stores. For vectors too large for the cache, stores into fresh buffers are non-temporal (no read for ownership
// of the destination lines; the values are the same); a line filled by halves far apart leaves the write-combining
// buffers partly full, and two or more such streams measured 3-7× slower than full-line stores.
//
// Sums: the float products of a block of up to four lines are added per lane in float (eight products a lane),
// and those block sums accumulate in double (BlockSums). That keeps the accumulation over the vector in double
// (h = f̄ + ⟨d,x⟩ − γ cancels) at a twelfth of the conversion work of widening every factor; the conversions
// dominated the sums pass while the vectors sit in the cache (four lines a block: 351 → 274 µs at 1 M, warm).
// A block sum carries float roundings, at most about 8·2⁻²⁴ of the block's absolute sum, where the papers'
// references compute the whole dot product in float.

/// <summary>How pass 1 writes one of its outputs.</summary>
internal enum StoreMode : byte
{
    /// <summary>Plain stores.</summary>
    Plain,

    /// <summary>Non-temporal stores (aligned destinations, fenced at the end of the range).</summary>
    Streaming,

    /// <summary>Not at all: the output is not wanted (the sums-only pass).</summary>
    Skip,
}

/// <summary>
/// What pass 1 writes, fixed per instantiation of its kernels: each configuration compiles to a loop of its own,
/// without the branches and live registers of the others. With the unrolled blocks of
/// <see cref="BlockSums.OverLines{TLine}"/>, that made the sums-only pass 6–8% faster at 1 M (it now runs as fast as
/// a hand-written loop for that case alone).
/// </summary>
internal interface IPassOutputs
{
    /// <summary>How the new d (and v) are written.</summary>
    static abstract StoreMode State { get; }

    /// <summary>How MoMo-Adam's direction u = d/D is written.</summary>
    static abstract StoreMode Direction { get; }

    /// <summary>Whether pass 1 also moves x with the cap (<see cref="CappedMove"/>).</summary>
    static abstract bool MovesX { get; }
}

/// <summary>The sums alone: nothing is written.</summary>
internal readonly struct SumsOnly : IPassOutputs
{
    public static StoreMode State => StoreMode.Skip;
    public static StoreMode Direction => StoreMode.Skip;
    public static bool MovesX => false;
}

/// <summary>The new state (and u) into spare buffers, with plain stores.</summary>
internal readonly struct FreshBuffers : IPassOutputs
{
    public static StoreMode State => StoreMode.Plain;
    public static StoreMode Direction => StoreMode.Plain;
    public static bool MovesX => false;
}

/// <summary>The new state (and u) into aligned spare buffers, with non-temporal stores.</summary>
internal readonly struct StreamedBuffers : IPassOutputs
{
    public static StoreMode State => StoreMode.Streaming;
    public static StoreMode Direction => StoreMode.Streaming;
    public static bool MovesX => false;
}

/// <summary>The speculative capped step: the state in place, and x moved with the cap.</summary>
internal readonly struct CappedInPlace : IPassOutputs
{
    public static StoreMode State => StoreMode.Plain;
    public static StoreMode Direction => StoreMode.Skip;
    public static bool MovesX => true;
}

/// <summary>Stores of pass 1 in a <see cref="StoreMode"/>.</summary>
internal static unsafe class PassStore
{
    /// <summary>Floats in one 64-byte line: the unit pass 1 writes.</summary>
    public const int Line = 2 * 8;

    /// <summary>One whole line: <paramref name="low"/> then <paramref name="high"/> at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLine(Vector256<float> low, Vector256<float> high, float* address, StoreMode mode)
    {
        if (mode == StoreMode.Streaming)
        {
            Avx.StoreAlignedNonTemporal(address, low);
            Avx.StoreAlignedNonTemporal(address + Vector256<float>.Count, high);
        }
        else if (mode == StoreMode.Plain)
        {
            low.Store(address);
            high.Store(address + Vector256<float>.Count);
        }
    }

    /// <summary>One element of a tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float value, float* address, StoreMode mode)
    {
        if (mode != StoreMode.Skip) *address = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fence(StoreMode mode)
    {
        if (mode == StoreMode.Streaming) Sse.StoreFence();
    }
}

/// <summary>The float products of one line for the three sums of pass 1.</summary>
internal readonly record struct LineProducts(Vector256<float> First, Vector256<float> Second, Vector256<float> Third);

/// <summary>One line of a pass-1 kernel: its stores done, the products of its sums returned.</summary>
internal interface ILineProducts
{
    LineProducts Run(long i);
}

/// <summary>
/// Dot products accumulated in double, four lanes: the products of a block of up to <see cref="Lines"/> lines are
/// added per float lane in float, and the block sums of float lanes j and j + 4 are widened and added to double
/// lane j. Values in, values out, and one register per sum, so the accumulators stay in registers next to
/// everything else pass 1 holds.
/// </summary>
internal static class BlockSums
{
    /// <summary>Lines (of <see cref="PassStore.Line"/> floats) summed in float before widening.</summary>
    public const int Lines = 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> sum, Vector256<float> block)
        => sum + (Vector256.WidenLower(block) + Vector256.WidenUpper(block));

    /// <summary>
    /// Runs <paramref name="line"/> over the whole lines of [start, end) and accumulates its products; returns
    /// where the tail starts and the three double sums. Whole blocks are unrolled (one loop condition a block); a
    /// last block of fewer lines adds its products in the same order, so the sums are those of one loop over lines.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (long Tail, Vector256<double> First, Vector256<double> Second, Vector256<double> Third) OverLines<TLine>(
        TLine line, long start, long end) where TLine : struct, ILineProducts
    {
        const int line0 = PassStore.Line;
        Vector256<double> first = default, second = default, third = default;
        var i = start;
        for (; i <= end - Lines * line0; i += Lines * line0)
        {
            var p = line.Run(i);
            var (a, b, c) = (p.First, p.Second, p.Third);
            p = line.Run(i + line0);
            (a, b, c) = (a + p.First, b + p.Second, c + p.Third);
            p = line.Run(i + 2 * line0);
            (a, b, c) = (a + p.First, b + p.Second, c + p.Third);
            p = line.Run(i + 3 * line0);
            (first, second, third) = (Add(first, a + p.First), Add(second, b + p.Second), Add(third, c + p.Third));
        }
        if (i <= end - line0)
        {
            Vector256<float> a = default, b = default, c = default;
            for (; i <= end - line0; i += line0)
            {
                var products = line.Run(i);
                (a, b, c) = (a + products.First, b + products.Second, c + products.Third);
            }
            (first, second, third) = (Add(first, a), Add(second, b), Add(third, c));
        }
        return (i, first, second, third);
    }

    /// <summary>The lanes added in a fixed order (lane 0 first), then <paramref name="tail"/>.</summary>
    public static double Total(Vector256<double> sum, double tail)
    {
        var total = 0.0;
        for (var lane = 0; lane < Vector256<double>.Count; lane++) total += sum[lane];
        return total + tail;
    }
}

/// <summary>
/// The part of a pass-1 line both MoMo kernels share: d ← a·d + b·g for the line, stored at once (or not), and the
/// line products of ⟨g,x⟩ and ⟨d,x⟩ (two per lane, added).
/// </summary>
internal readonly unsafe struct MomentumLine
{
    public readonly Vector256<float> G0, G1, D0, D1, X0, X1, GX, DX;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MomentumLine(float* g, float* d, float* x, float* dNext, Vector256<float> a, Vector256<float> b, StoreMode mode)
    {
        (G0, G1) = (Vector256.Load(g), Vector256.Load(g + 8));
        D0 = a * Vector256.Load(d) + b * G0;
        D1 = a * Vector256.Load(d + 8) + b * G1;
        PassStore.StoreLine(D0, D1, dNext, mode);
        (X0, X1) = (Vector256.Load(x), Vector256.Load(x + 8));
        GX = G0 * X0 + G1 * X1;
        DX = D0 * X0 + D1 * X1;
    }

    /// <summary>The capped step's move of this line: x ← x·decay − step·direction, stored in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Move(float* x, Vector256<float> direction0, Vector256<float> direction1, in CappedMove move)
        => PassStore.StoreLine(X0 * move.Decay - move.Step * direction0, X1 * move.Decay - move.Step * direction1, x, StoreMode.Plain);
}

/// <summary>
/// The move of MoMo's speculative capped step, done by pass 1 itself when its outputs say so
/// (<see cref="IPassOutputs.MovesX"/>): x ← x·decay − step·direction with the direction pass 1 computes (d, or
/// d/D), in the float operations of the heavy-ball and Adam kernels, so the result is the second pass's with
/// τ = α/ρ bit for bit.
/// </summary>
internal readonly unsafe struct CappedMove(float decay, float step)
{
    public readonly Vector256<float> Decay = Vector256.Create(decay), Step = Vector256.Create(step);

    /// <summary>The move of one element of a tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(float* x, float direction) => *x = *x * Decay[0] - Step[0] * direction;
}

/// <summary>
/// MoMo pass 1: dNext ← a·d + b·g (written as <typeparamref name="TOutputs"/> says); returns (⟨g,x⟩, ⟨dNext,x⟩,
/// ‖dNext‖²).
/// </summary>
internal unsafe struct MomoMomentsKernel<TOutputs> : IReduceKernel, ISegmentKernel<MomoMomentsKernel<TOutputs>> where TOutputs : struct, IPassOutputs
{
    public readonly MomoMomentsKernel<TOutputs> Rebased(float* first, float* second) => this with { X = first, G = second };

    public float* X, G, D, DNext;
    public float A, B;
    public CappedMove Move;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var (i, first, second, third) = BlockSums.OverLines(new Line(this), start, end);
        double firstTail = 0, secondTail = 0, thirdTail = 0;
        for (; i < end; i++)
        {
            var g = G[i];
            var d = A * D[i] + B * g;
            PassStore.Store(d, DNext + i, TOutputs.State);
            firstTail += g * X[i];
            secondTail += d * X[i];
            thirdTail += d * d;
            if (TOutputs.MovesX) Move.Apply(X + i, d);
        }
        PassStore.Fence(TOutputs.State);
        return new Sums3(BlockSums.Total(first, firstTail), BlockSums.Total(second, secondTail), BlockSums.Total(third, thirdTail));
    }

    private readonly struct Line(in MomoMomentsKernel<TOutputs> k) : ILineProducts
    {
        private readonly float* _x = k.X, _g = k.G, _d = k.D, _dNext = k.DNext;
        private readonly Vector256<float> _a = Vector256.Create(k.A), _b = Vector256.Create(k.B);
        private readonly CappedMove _move = k.Move;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LineProducts Run(long i)
        {
            var line = new MomentumLine(_g + i, _d + i, _x + i, _dNext + i, _a, _b, TOutputs.State);
            if (TOutputs.MovesX) line.Move(_x + i, line.D0, line.D1, _move);
            return new LineProducts(line.GX, line.DX, line.D0 * line.D0 + line.D1 * line.D1);
        }
    }
}

/// <summary>
/// MoMo-Adam pass 1: dNext ← a·d + b·g, vNext ← β2·v + (1 − β2)·g² (in place or not) and u ← dNext/D with
/// D = √vNext·invSqrtBc2 + ε; returns (⟨g,x⟩, ⟨dNext,x⟩, Σ dNext·u). <typeparamref name="TOutputs"/> says how the
/// new state and u are written.
/// </summary>
internal unsafe struct MomoAdamMomentsKernel<TOutputs> : IReduceKernel, ISegmentKernel<MomoAdamMomentsKernel<TOutputs>> where TOutputs : struct, IPassOutputs
{
    public readonly MomoAdamMomentsKernel<TOutputs> Rebased(float* first, float* second) => this with { X = first, G = second };

    public float* X, G, D, V, DNext, VNext, U;
    public float A, B;
    public SecondMoment Moment;
    public CappedMove Move;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly Sums3 Run(long start, long end)
    {
        var moment = Moment;
        var (i, first, second, third) = BlockSums.OverLines(new Line(this), start, end);
        double firstTail = 0, secondTail = 0, thirdTail = 0;
        for (; i < end; i++)
        {
            var g = G[i];
            var d = A * D[i] + B * g;
            var v = moment.Update(V[i], g);
            var u = d / moment.Denominator(v);
            PassStore.Store(d, DNext + i, TOutputs.State);
            PassStore.Store(v, VNext + i, TOutputs.State);
            PassStore.Store(u, U + i, TOutputs.Direction);
            firstTail += g * X[i];
            secondTail += d * X[i];
            thirdTail += d * u;
            if (TOutputs.MovesX) Move.Apply(X + i, u);
        }
        PassStore.Fence(TOutputs.State);
        PassStore.Fence(TOutputs.Direction);
        return new Sums3(BlockSums.Total(first, firstTail), BlockSums.Total(second, secondTail), BlockSums.Total(third, thirdTail));
    }

    private readonly struct Line(in MomoAdamMomentsKernel<TOutputs> k) : ILineProducts
    {
        private readonly float* _x = k.X, _g = k.G, _d = k.D, _v = k.V, _dNext = k.DNext, _vNext = k.VNext, _u = k.U;
        private readonly Vector256<float> _a = Vector256.Create(k.A), _b = Vector256.Create(k.B);
        private readonly SecondMoment _moment = k.Moment;
        private readonly CappedMove _move = k.Move;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LineProducts Run(long i)
        {
            // In this order few vectors are live at once (AVX2 has 16 registers), and each line's halves are stored together.
            var line = new MomentumLine(_g + i, _d + i, _x + i, _dNext + i, _a, _b, TOutputs.State);
            var v0 = _moment.Update(Vector256.Load(_v + i), line.G0);
            var v1 = _moment.Update(Vector256.Load(_v + i + 8), line.G1);
            PassStore.StoreLine(v0, v1, _vNext + i, TOutputs.State);
            var u0 = line.D0 / _moment.Denominator(v0);
            var u1 = line.D1 / _moment.Denominator(v1);
            PassStore.StoreLine(u0, u1, _u + i, TOutputs.Direction);
            if (TOutputs.MovesX) line.Move(_x + i, u0, u1, _move);
            return new LineProducts(line.GX, line.DX, line.D0 * u0 + line.D1 * u1);
        }
    }
}

/// <summary>MoMo pass 2: x ← (x·pre − τ·u)·post; acc += x.</summary>
internal unsafe struct MomoStepKernel : IRangeKernel, ISegmentKernel<MomoStepKernel>
{
    public readonly MomoStepKernel Rebased(float* first, float* second) => this with { X = first };

    public float* X, U, Acc;
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
            var x = (Vector256.Load(X + i) * vpre - vtau * Vector256.Load(U + i)) * vpost;
            x.Store(X + i);
            Accumulator.Add(Acc, i, x);
        }
        for (; i < end; i++)
        {
            var x = (X[i] * Pre - Tau * U[i]) * Post;
            X[i] = x;
            Accumulator.Add(Acc, i, x);
        }
    }
}

/// <summary>
/// The correction after a speculative capped step whose τ came out below the cap: x ← x + δ·direction, with the
/// direction recomputed from the updated d (and v): d/D for MoMo-Adam, d for MoMo.
/// </summary>
internal unsafe struct MomoCorrectKernel : IRangeKernel, ISegmentKernel<MomoCorrectKernel>
{
    public readonly MomoCorrectKernel Rebased(float* first, float* second) => this with { X = first };

    public float* X, D, V;
    public SecondMoment Moment;
    public float Delta;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Run(long start, long end)
    {
        var moment = Moment;
        var delta = Vector256.Create(Delta);
        var i = start;
        for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var direction = V == null ? Vector256.Load(D + i) : Vector256.Load(D + i) / moment.Denominator(Vector256.Load(V + i));
            (Vector256.Load(X + i) + delta * direction).Store(X + i);
        }
        for (; i < end; i++)
        {
            var direction = V == null ? D[i] : D[i] / moment.Denominator(V[i]);
            X[i] += Delta * direction;
        }
    }
}
