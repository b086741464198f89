using System.Diagnostics;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// Times optimizer steps round-robin: every round takes one step of every method and one parallel copy of the
/// same size, so machine noise (other processes, memory reclaim) hits all of them alike. The order of the
/// methods rotates by one each round, so no method always runs right after the copy (that step was measured up
/// to 1.5× slower than the same work later in the round). The first rounds
/// warm up (page faults of fresh state vectors, JIT tiers); the result per method is the median of the rest.
/// Before each timed step a <see cref="CacheFlush"/> evicts the caches and reads x and g, so every step starts in
/// the same state whatever else the run contains: its own vectors cold, x and g warm. With
/// <see cref="BenchmarkOptions.WarmState"/> an untimed step of the same optimizer follows the flush, so the timed
/// step starts with its vectors in the cache where they fit. The times come back per round (index = round), so a
/// ratio can pair the two steps of one round (<see cref="RoundTimes"/>).
/// </summary>
internal static class StepTimer
{
    private const int WarmupRounds = 2;

    public static (RoundTimes Times, double CopyMs) Cpu(IReadOnlyList<BenchMethod> methods, long size, BenchmarkOptions options)
    {
        // Parameters and gradients in libtorch's memory, as the trainers hand them to the optimizer.
        using var xVector = FlatVector.Zeros(size);
        using var gVector = FlatVector.Zeros(size);
        using var scratchVector = FlatVector.Zeros(size);
        var x = xVector.AsSpan();
        var g = gVector.AsSpan();
        Fill(x, g);
        using var flush = new CacheFlush();
        var optimizers = methods.Select(m => m.Create()).ToArray();
        foreach (var o in optimizers) o.Parallelism = options.Threads;
        // MoMo models the loss around its own iterates, so each MoMo row moves its own copy of x (others moving a
        // shared x in between would change its step sizes, and so the path its steps take).
        var ownParameters = optimizers.Select(o => o.RequiresLoss ? FlatVector.Zeros(size) : null).ToArray();
        foreach (var own in ownParameters)
        {
            if (own is not null) x.CopyTo(own.AsSpan());
        }
        var times = methods.ToDictionary(m => m.Name, _ => new List<double>());
        var copies = new List<double>();
        try
        {
            for (var round = 0; round < WarmupRounds + options.RunsAt(size); round++)
            {
                var watch = Stopwatch.StartNew();
                CopyBandwidth.ParallelCopy(xVector, scratchVector, options.Threads);
                if (round >= WarmupRounds) copies.Add(watch.Elapsed.TotalMilliseconds);
                for (var j = 0; j < methods.Count; j++)
                {
                    var i = (j + round) % methods.Count;
                    var xi = ownParameters[i] is { } own ? own.AsSpan() : x;
                    flush.Before(xi, g);
                    if (options.WarmState) optimizers[i].Step(xi, g, 1.0);
                    watch.Restart();
                    optimizers[i].Step(xi, g, 1.0);
                    if (round >= WarmupRounds) times[methods[i].Name].Add(watch.Elapsed.TotalMilliseconds);
                    CheckRegime(methods[i], optimizers[i]);
                }
            }
            foreach (var (o, m) in optimizers.Zip(methods))
            {
                if (o.Diagnostics.SkippedSteps > 0) throw new InvalidOperationException($"{m.Name} skipped steps in the benchmark.");
            }
        }
        finally
        {
            foreach (var o in optimizers) o.Dispose();
            foreach (var own in ownParameters) own?.Dispose();
        }
        return (new RoundTimes(times), RoundTimes.Median(copies));
    }

    public static RoundTimes Device(IReadOnlyList<BenchMethod> methods, long size, BenchmarkOptions options)
    {
        using var x = FlatVector.Zeros(size);
        using var g = FlatVector.Zeros(size);
        Fill(x.AsSpan(), g.AsSpan());
        var optimizers = methods.Select(m => m.Create()).ToArray();
        var times = methods.ToDictionary(m => m.Name, _ => new List<double>());
        try
        {
            for (var round = 0; round < WarmupRounds + options.RunsAt(size); round++)
            {
                for (var i = 0; i < methods.Count; i++)
                {
                    var watch = Stopwatch.StartNew();
                    optimizers[i].Step(x, g, 1.0);
                    if (round >= WarmupRounds) times[methods[i].Name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        finally
        {
            foreach (var o in optimizers) o.Dispose();
        }
        return new RoundTimes(times);
    }

    /// <summary>Throws when a MoMo row's step left the regime (τ at or below the cap) the row is meant to measure.</summary>
    private static void CheckRegime(BenchMethod method, Optimizer optimizer)
    {
        var capped = optimizer.Diagnostics.StepSize < optimizer.Diagnostics.PolyakStepSize;
        if (method.Capped is { } expected && capped != expected)
        {
            throw new InvalidOperationException($"{method.Name}: τ {(capped ? "sat at" : "fell below")} the cap, not the regime the row measures.");
        }
    }

    private static void Fill(Span<float> x, Span<float> g)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = 0.01f * (i % 101);
            g[i] = 0.001f * ((i % 37) - 18);
        }
    }
}
