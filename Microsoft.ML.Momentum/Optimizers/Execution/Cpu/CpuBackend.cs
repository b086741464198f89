using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// The CPU backend: fused multi-threaded SIMD loops over host memory. Successive passes alternate between first-to-
/// last and last-to-first chunk order, so each pass starts on the chunks the previous one touched last, which are
/// still in the cache (g after the finiteness check, MoMo's vectors between its two passes). Results depend on
/// neither the order nor the thread count. Parameters and gradients may be segmented (<see cref="SegmentedVector"/>:
/// a TorchSharp model's tensors, stepped in place), the state always flat.
/// </summary>
internal sealed unsafe class CpuBackend : IVectorBackend
{
    private bool _descending;

    /// <summary>Threads used by the loops (results do not depend on it).</summary>
    public int Threads { get; set; } = 1;

    public StateVector Allocate(long length) => new HostStateVector(length);

    public StateVector FromValues(float[] values) => new HostStateVector(values);

    public bool AllFinite(Vec vector) => double.IsFinite(Reduce(vector, Vec.None, new AllFiniteKernel { Values = vector.Pointer }).First);

    public void Sgd(Vec x, Vec g, Vec accumulate, float weightDecay, float learningRate, float decay)
        => For(x, g, new SgdKernel
        {
            X = x.Pointer, G = g.Pointer, Acc = accumulate.Pointer,
            WeightDecay = weightDecay, LearningRate = learningRate, Decay = decay,
        });

    public void Momentum(Vec x, Vec g, Vec m, Vec accumulate, in MomentumCoefficients c)
        => For(x, g, new MomentumKernel { X = x.Pointer, G = g.Pointer, M = m.Pointer, Acc = accumulate.Pointer, C = c });

    public void Adam(Vec x, Vec g, Vec m, Vec v, Vec accumulate, in AdamCoefficients c)
        => For(x, g, new AdamKernel
        {
            X = x.Pointer, G = g.Pointer, M = m.Pointer, V = v.Pointer, Acc = accumulate.Pointer, C = c,
        });

    /// <summary>
    /// Length from which MoMo's first pass writes its fresh buffers (the double-buffered state, MoMo-Adam's direction)
    /// with non-temporal stores: the vectors no longer fit the last-level cache, and streaming stores skip the read
    /// for ownership of the destination. Below it the new vectors stay in the cache for the second pass.
    /// </summary>
    internal const long StreamingMinLength = 1 << 21;

    /// <summary>
    /// From <see cref="StreamingMinLength"/>: the vectors no longer fit the cache there, and reading d, g (and v) again
    /// in pass 2 would cost more than streaming the spares out and reading the direction back. Below it they sit in
    /// the cache, and recomputing d (and v) costs less than writing and reading spare buffers.
    /// </summary>
    public bool DoublesMomoState(long length) => length >= StreamingMinLength;

    public Sums3 MomoMoments(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c)
    {
        // The rule passes either no destinations (the sums alone) or all its spare buffers, which stream when large.
        if (dNext.IsNone) return Moments<SumsOnly>(x, g, d, v, dNext, vNext, direction, c, default);
        if (c.Adam && (vNext.IsNone || direction.IsNone)) throw new ArgumentException("MoMo-Adam's pass 1 writes d, v and the direction together.");
        var streaming = x.Length >= StreamingMinLength && Avx.IsSupported && (x.Segments?.Layout.LineAligned ?? true)
            && Aligned(dNext) && (!c.Adam || (Aligned(vNext) && Aligned(direction)));
        return streaming
            ? Moments<StreamedBuffers>(x, g, d, v, dNext, vNext, direction, c, default)
            : Moments<FreshBuffers>(x, g, d, v, dNext, vNext, direction, c, default);
    }

    public void MomoStep(Vec x, Vec direction, Vec accumulate, float pre, float tau, float post)
        => For(x, Vec.None, new MomoStepKernel
        {
            X = x.Pointer, U = direction.Pointer, Acc = accumulate.Pointer, Pre = pre, Tau = tau, Post = post,
        });

    public bool MomoCappedStep(Vec x, Vec g, Vec d, Vec v, in MomoCoefficients c, float decay, float step, out Sums3 sums)
    {
        sums = default;
        if (!AllFinite(g)) return false;
        // Pass 1 in place (its lines were just read, so plain stores), moving x as it goes.
        sums = Moments<CappedInPlace>(x, g, d, v, d, v, Vec.None, c, new CappedMove(decay, step));
        return true;
    }

    /// <summary>MoMo's pass 1 (<see cref="MomoMomentsKernel{TOutputs}"/> or <see cref="MomoAdamMomentsKernel{TOutputs}"/>) with the given outputs.</summary>
    private Sums3 Moments<TOutputs>(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c, CappedMove move)
        where TOutputs : struct, IPassOutputs
        => c.Adam
            ? Sum(x, g, TOutputs.MovesX, new MomoAdamMomentsKernel<TOutputs>
            {
                X = x.Pointer, G = g.Pointer, D = d.Pointer, V = v.Pointer, DNext = dNext.Pointer, VNext = vNext.Pointer, U = direction.Pointer,
                A = c.A, B = c.B, Moment = new SecondMoment(c.Moment), Move = move,
            })
            : Sum(x, g, TOutputs.MovesX, new MomoMomentsKernel<TOutputs>
            {
                X = x.Pointer, G = g.Pointer, D = d.Pointer, DNext = dNext.Pointer, A = c.A, B = c.B, Move = move,
            });

    public void MomoCorrect(Vec x, Vec d, Vec v, in MomoCoefficients c, float delta)
        => For(x, Vec.None, new MomoCorrectKernel
        {
            X = x.Pointer, D = d.Pointer, V = c.Adam ? v.Pointer : null, Moment = new SecondMoment(c.Moment), Delta = delta,
        });

    /// <summary>The chunk order of the next pass: the opposite of the last one.</summary>
    private bool NextOrder()
    {
        _descending = !_descending;
        return !_descending;
    }

    /// <summary>Whether every chunk of <paramref name="vector"/> starts on a cache line (so pass 1 streams whole lines).</summary>
    private static bool Aligned(Vec vector) => ((nint)vector.Pointer & (HostMemoryHandle.CacheLineBytes - 1)) == 0;

    public Sums3 WindowEnd(Vec window, Vec previousMean, Vec previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow)
        => Sum(window, Vec.None, clearWindow, new WindowEndKernel
        {
            Window = window.Pointer, PreviousMean = previousMean.Pointer, PreviousStep = previousStep.Pointer, Scale = scale,
            HasPrevious = hasPrevious, HasPreviousStep = hasPreviousStep, Clear = clearWindow,
        });

    public void Axpy(Vec y, float alpha, Vec x) => For(x, Vec.None, new AxpyKernel { Y = y.Pointer, X = x.Pointer, Alpha = alpha });

    public void ScaleInto(Vec destination, float alpha, Vec source)
        => For(destination, Vec.None, new ScaleIntoKernel { Destination = destination.Pointer, Source = source.Pointer, Alpha = alpha });

    /// <summary>
    /// An element-wise pass over <paramref name="first"/>'s length; when <paramref name="first"/> is segmented, the
    /// kernel runs piece by piece with its first and second pointers in <paramref name="first"/> and
    /// <paramref name="second"/> (which must share the layout), its other vectors flat.
    /// </summary>
    private void For<TKernel>(Vec first, Vec second, TKernel kernel) where TKernel : struct, IRangeKernel, ISegmentKernel<TKernel>
    {
        if (first.Segments is null) ParallelChunks.For(first.Length, Threads, kernel, NextOrder());
        else _ = Reduce(first, second, new RangeReduce<TKernel>(kernel));
    }

    /// <summary>A reduction whose result does not depend on how the range is split (the finiteness check), segmented as <see cref="For{TKernel}"/> says.</summary>
    private Sums3 Reduce<TKernel>(Vec first, Vec second, TKernel kernel) where TKernel : struct, IReduceKernel, ISegmentKernel<TKernel>
        => first.Segments is null
            ? ParallelChunks.Reduce(first.Length, Threads, kernel, NextOrder())
            : ParallelChunks.Reduce(first.Length, Threads, new SegmentedKernel<TKernel>(kernel, first.Segments, SecondOf(first, second)), NextOrder());

    /// <summary>
    /// A reduction of sums: over segmented vectors staged chunk by chunk (<see cref="StagedKernel{TKernel}"/>), so the
    /// sums round as over the concatenation; <paramref name="writesFirst"/> says whether the kernel writes the first vector.
    /// </summary>
    private Sums3 Sum<TKernel>(Vec first, Vec second, bool writesFirst, TKernel kernel) where TKernel : struct, IReduceKernel, ISegmentKernel<TKernel>
        => first.Segments is null
            ? ParallelChunks.Reduce(first.Length, Threads, kernel, NextOrder())
            : ParallelChunks.Reduce(first.Length, Threads, new StagedKernel<TKernel>(kernel, first.Segments, SecondOf(first, second), writesFirst), NextOrder());

    /// <summary>The second vector's pieces, which must be laid out as the first's.</summary>
    private static SegmentedVector? SecondOf(Vec first, Vec second)
    {
        if (!second.IsNone && second.Segments?.Layout != first.Segments!.Layout) throw new ArgumentException("The vectors a pass segments share one layout.");
        return second.Segments;
    }
}
