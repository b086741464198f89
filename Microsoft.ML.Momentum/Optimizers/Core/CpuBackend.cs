using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Momentum.Optimizers.Core;

/// <summary>The CPU backend: fused multi-threaded SIMD loops over pinned host memory.</summary>
internal sealed unsafe class CpuBackend : IVectorBackend
{
    /// <summary>Threads used by the loops (results do not depend on it).</summary>
    public int Threads { get; set; } = 1;

    public StateVector Allocate(long length) => new HostStateVector(length);

    public StateVector FromValues(float[] values) => new HostStateVector(values);

    public bool AllFinite(Vec vector)
        => double.IsFinite(ParallelChunks.Reduce(vector.Length, Threads, new AllFiniteKernel { Values = vector.Pointer }).First);

    public void Sgd(Vec x, Vec g, Vec accumulate, float weightDecay, float learningRate, float decay)
        => ParallelChunks.For(x.Length, Threads, new SgdKernel
        {
            X = x.Pointer, G = g.Pointer, Acc = accumulate.Pointer,
            WeightDecay = weightDecay, LearningRate = learningRate, Decay = decay,
        });

    public void Momentum(Vec x, Vec g, Vec m, Vec accumulate, in MomentumCoefficients c)
        => ParallelChunks.For(x.Length, Threads, new MomentumKernel { X = x.Pointer, G = g.Pointer, M = m.Pointer, Acc = accumulate.Pointer, C = c });

    public void Adam(Vec x, Vec g, Vec m, Vec v, Vec accumulate, in AdamCoefficients c)
        => ParallelChunks.For(x.Length, Threads, new AdamKernel
        {
            X = x.Pointer, G = g.Pointer, M = m.Pointer, V = v.Pointer, Acc = accumulate.Pointer, C = c,
        });

    /// <summary>
    /// Length from which MoMo's first pass writes with non-temporal stores: its six vectors (x, g, d, v and the
    /// two new ones) no longer fit the last-level cache, and streaming stores skip the read for ownership of the
    /// destination. Below it the new vectors stay in the cache for the second pass.
    /// </summary>
    internal const long StreamingMinLength = 1 << 21;

    public Sums3 MomoMoments(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c)
    {
        // Never stream an in-place update: the destination lines were just read into the cache.
        var streaming = x.Length >= StreamingMinLength && Avx.IsSupported && dNext.Pointer != d.Pointer
            && Aligned(dNext) && (!c.Adam || (Aligned(vNext) && (direction.IsNone || Aligned(direction))));
        return c.Adam
            ? ParallelChunks.Reduce(x.Length, Threads, new MomoAdamMomentsKernel
            {
                X = x.Pointer, G = g.Pointer, D = d.Pointer, V = v.Pointer, DNext = dNext.Pointer, VNext = vNext.Pointer,
                U = direction.Pointer, A = c.A, B = c.B, Moment = new SecondMoment(c.Beta2, c.InvSqrtBc2, c.Epsilon), Streaming = streaming,
            })
            : ParallelChunks.Reduce(x.Length, Threads, new MomoMomentsKernel
            {
                X = x.Pointer, G = g.Pointer, D = d.Pointer, DNext = dNext.Pointer, A = c.A, B = c.B, Streaming = streaming,
            });
    }

    public void MomoStep(Vec x, Vec d, Vec v, Vec accumulate, in MomoCoefficients c, float pre, float tau, float post)
    {
        if (!v.IsNone)
        {
            ParallelChunks.For(x.Length, Threads, new MomoAdamStepKernel
            {
                X = x.Pointer, D = d.Pointer, V = v.Pointer, Acc = accumulate.Pointer,
                Moment = new SecondMoment(c.Beta2, c.InvSqrtBc2, c.Epsilon), Pre = pre, Tau = tau, Post = post,
            });
        }
        else
        {
            ParallelChunks.For(x.Length, Threads, new MomoStepKernel
            {
                X = x.Pointer, D = d.Pointer, Acc = accumulate.Pointer, Pre = pre, Tau = tau, Post = post,
            });
        }
    }

    /// <summary>Whether every chunk of <paramref name="vector"/> starts on a 32-byte boundary.</summary>
    private static bool Aligned(Vec vector) => ((nint)vector.Pointer & 31) == 0;

    public Sums3 WindowEnd(Vec window, Vec previousMean, Vec previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow)
        => ParallelChunks.Reduce(window.Length, Threads, new WindowEndKernel
        {
            Window = window.Pointer, PreviousMean = previousMean.Pointer, PreviousStep = previousStep.Pointer, Scale = scale,
            HasPrevious = hasPrevious, HasPreviousStep = hasPreviousStep, Clear = clearWindow,
        });

    public void Axpy(Vec y, float alpha, Vec x) => ParallelChunks.For(y.Length, Threads, new AxpyKernel { Y = y.Pointer, X = x.Pointer, Alpha = alpha });

    public void ScaleInto(Vec destination, float alpha, Vec source)
        => ParallelChunks.For(destination.Length, Threads, new ScaleIntoKernel { Destination = destination.Pointer, Source = source.Pointer, Alpha = alpha });
}
