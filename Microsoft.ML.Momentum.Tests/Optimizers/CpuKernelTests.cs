using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// The CPU backend's memory and loops: state vectors in native memory (zeroed, aligned, released on dispose),
/// passes in either chunk order and non-temporal stores that give exactly the plain results.
/// </summary>
[TestClass]
public sealed unsafe class CpuKernelTests
{
    private const long Large = (1 << 21) + 13; // several chunks, a lone block and a scalar tail

    [TestMethod]
    public void StateVectorsAreZeroedAlignedAndReleasedOnDispose()
    {
        foreach (var (length, alignment) in new[] { (1L, 64L), (1000L, 64L), (Large, HostMemoryHandle.LargePageBytes) })
        {
            var vector = new HostStateVector(length);
            var address = (long)vector.AsVec().Pointer;
            Assert.AreEqual(0L, address % alignment, $"{length} elements start at 0x{address:x}");
            Assert.IsTrue(vector.Span.ToArray().All(v => v == 0f), $"{length} elements are not zeroed");
            vector.Span[^1] = 3f;
            Assert.AreEqual(3f, vector.ToArray()[^1]);
            vector.Dispose();
            Assert.ThrowsExactly<ObjectDisposedException>(() => vector.AsVec());
        }
        using var copy = new HostStateVector([1f, 2f, 3f]);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, copy.ToArray());
    }

    [TestMethod]
    public void ReductionsGiveTheSameSumsForAnyOrderAndThreadCount()
    {
        using var x = Filled(Large, i => 0.01f * (i % 101) - 0.5f);
        using var g = Filled(Large, i => 0.001f * ((i % 37) - 18));
        using var d = Filled(Large, i => 0.002f * ((i % 13) - 6));
        Sums3? reference = null;
        float[]? referenceD = null;
        foreach (var threads in new[] { 1, 2, 3 })
        {
            foreach (var descending in new[] { false, true })
            {
                using var dNext = new HostStateVector(Large);
                var kernel = new MomoMomentsKernel<FreshBuffers> { X = P(x), G = P(g), D = P(d), DNext = P(dNext), A = 0.9f, B = 0.1f };
                var sums = ParallelChunks.Reduce(Large, threads, kernel, descending);
                reference ??= sums;
                referenceD ??= dNext.ToArray();
                Assert.AreEqual(reference.Value, sums, $"{threads} threads, descending {descending}");
                CollectionAssert.AreEqual(referenceD, dNext.ToArray(), $"{threads} threads, descending {descending}");
            }
        }
    }

    [TestMethod]
    public void StreamingStoresWriteExactlyThePlainValuesAndTheSumsOnlyPassWritesNothing()
    {
        using var x = Filled(Large, i => 0.01f * (i % 101) - 0.5f);
        using var g = Filled(Large, i => 0.001f * ((i % 37) - 18));
        using var d = Filled(Large, i => 0.002f * ((i % 13) - 6));
        using var v = Filled(Large, i => 1e-6f * (i % 5));
        var (plain, streaming, skip) = (Pass1<FreshBuffers>(x, g, d, v), Pass1<StreamedBuffers>(x, g, d, v), Pass1<SumsOnly>(x, g, d, v));
        Assert.AreEqual(plain.Sums, streaming.Sums);
        CollectionAssert.AreEqual(plain.D, streaming.D, "d");
        CollectionAssert.AreEqual(plain.V, streaming.V, "v");
        CollectionAssert.AreEqual(plain.U, streaming.U, "u");
        Assert.AreEqual(0.9f * d.Span[7] + 0.1f * g.Span[7], streaming.D[7]);
        Assert.AreEqual(plain.Sums, skip.Sums, "the sums-only pass returns the same sums");
        Assert.IsTrue(skip.D.Concat(skip.V).Concat(skip.U).All(value => value == 0), "the sums-only pass wrote a destination");
    }

    [TestMethod]
    public void BlockSumsAccumulateInDouble()
    {
        // 2^21 products 1 + 2^-20: a float accumulator loses the 2^-20 parts once the sum passes 2^4 (it ends 2 short);
        // the block sums (eight products a lane), exact in float, accumulate exactly in double.
        const long n = 1 << 21;
        var value = 1f + MathF.Pow(2, -20);
        using var x = Filled(n, _ => value);
        using var g = Filled(n, _ => 1f);
        using var d = new HostStateVector(n);
        var kernel = new MomoMomentsKernel<FreshBuffers> { X = P(x), G = P(g), D = P(d), DNext = P(d), A = 0f, B = 1f };
        var sums = ParallelChunks.Reduce(n, 1, kernel);
        Assert.AreEqual(n * (double)value, sums.First, 1e-9 * n);
        Assert.AreEqual(n * (double)value, sums.Second, 1e-9 * n);
        Assert.AreEqual(n, sums.Third);
    }

    /// <summary>MoMo-Adam's pass 1 over fresh destinations with the given outputs: the sums and what it wrote.</summary>
    private static (Sums3 Sums, float[] D, float[] V, float[] U) Pass1<TOutputs>(HostStateVector x, HostStateVector g, HostStateVector d, HostStateVector v)
        where TOutputs : struct, IPassOutputs
    {
        using var dNext = new HostStateVector(Large);
        using var vNext = new HostStateVector(Large);
        using var u = new HostStateVector(Large);
        var kernel = new MomoAdamMomentsKernel<TOutputs>
        {
            X = P(x), G = P(g), D = P(d), V = P(v), DNext = P(dNext), VNext = P(vNext), U = P(u), A = 0.9f, B = 0.1f,
            Moment = new SecondMoment(new SecondMomentCoefficients(0.999f, (float)(1 - 0.999), 1.25f, 1e-8f)),
        };
        return (ParallelChunks.Reduce(Large, 2, kernel), dNext.ToArray(), vNext.ToArray(), u.ToArray());
    }

    private static HostStateVector Filled(long length, Func<long, float> value)
    {
        var vector = new HostStateVector(length);
        var span = vector.Span;
        for (var i = 0; i < span.Length; i++) span[i] = value(i);
        return vector;
    }

    private static float* P(HostStateVector vector) => vector.AsVec().Pointer;
}
