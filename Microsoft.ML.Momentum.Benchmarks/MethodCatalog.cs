using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// One benchmarked configuration. <see cref="VectorPasses"/> counts the float vectors each step reads or
/// writes (x, g and every state vector, each read and each write once, plus the finiteness read of g), so
/// bytes/step = passes × 4 × n.
/// </summary>
/// MoMo rows say which regime they measure (<see cref="Capped"/>: τ at its cap α/ρ or below it), and the benchmark
/// checks it held.
internal sealed record BenchMethod(string Name, Func<Optimizer> Create, double VectorPasses, string? Base, bool OnDevice = true, double? LargePasses = null,
    bool? Capped = null)
{
    /// <summary>Length from which MoMo double-buffers its state (and moves fewer vectors).</summary>
    public const long LargeLength = 1 << 21;

    public double PassesAt(long size) => size >= LargeLength && LargePasses is { } large ? large : VectorPasses;
}

internal static class MethodCatalog
{
    private const int AutoDropWindow = 64;

    /// <summary>The method every other is also compared with (issue 3: SGD-momentum in PyTorch's form).</summary>
    public const string Reference = "sgd-momentum";

    // Window end every k steps reads+writes window, mean and step (6 passes) / k.
    private const double WindowAmortized = 6.0 / AutoDropWindow;

    public static IReadOnlyList<BenchMethod> All { get; } =
    [
        new("sgd", () => new Sgd { LearningRate = 1e-3 }, 1 + 3, null),
        // check g; x r/w, g r, b r/w
        new("sgd-momentum", () => new SgdMomentum { LearningRate = 1e-3 }, 1 + 5, null),
        new("sgd-momentum-ema", () => new SgdMomentum { LearningRate = 1e-2, Form = MomentumForm.Ema }, 1 + 5, null),
        // check g; x r/w, g r, m r/w, v r/w
        new("adam", () => new Adam(), 1 + 7, null),
        new("demon-sgd", () => Horizon(new DemonSgd { LearningRate = 1e-3 }), 1 + 5, "sgd-momentum"),
        new("demon-adam", () => Horizon(new DemonAdam()), 1 + 7, "adam"),
        // below 2^21: pass 1 reads x, g, d (sums only); pass 2 reads x, g, d and writes d, x (the heavy-ball kernel).
        // From 2^21 (double-buffered): pass 1 reads x, g, d and streams d'; pass 2 reads x, d' and writes x
        new("momo", () => new Momo(), 3 + 5, "sgd-momentum-ema", LargePasses: 4 + 3, Capped: false),
        // below 2^21: pass 1 reads x, g, d, v (sums only); pass 2 reads x, g, d, v and writes d, v, x (Adam's kernel).
        // From 2^21: pass 1 reads x, g, d, v and streams d', v', u = d'/D; pass 2 reads x, u and writes x
        new("momo-adam", () => new MomoAdam(), 4 + 7, "adam", LargePasses: 7 + 3, Capped: false),
        // τ at its cap α/ρ, as in most training steps (the rows above take the Polyak step): after the first step every
        // step is speculative: g checked, then one pass reads x, g, d (and v) and writes them.
        new("momo-capped", () => new Momo { LearningRate = 1e-7 }, 1 + 5, "sgd-momentum-ema", Capped: true),
        new("momo-adam-capped", () => new MomoAdam { LearningRate = 1e-8 }, 1 + 7, "adam", Capped: true),
        // the base kernel also reads and writes the running sum
        new("autodrop(sgd-momentum)", () => new AutoDrop { Window = AutoDropWindow }.Over(new SgdMomentum { LearningRate = 1e-3 }), 1 + 5 + 2 + WindowAmortized, "sgd-momentum"),
        new("autodrop(adam)", () => new AutoDrop { Window = AutoDropWindow }.Over(new Adam()), 1 + 7 + 2 + WindowAmortized, "adam"),
    ];

    /// <summary>
    /// The named methods in catalog order, plus their base methods and <see cref="Reference"/>; all methods when
    /// <paramref name="names"/> is null.
    /// </summary>
    public static IReadOnlyList<BenchMethod> Select(IReadOnlyCollection<string>? names)
    {
        if (names is null) return All;
        var unknown = names.Where(n => All.All(m => m.Name != n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unknown method(s) {string.Join(", ", unknown)}; known: {string.Join(", ", All.Select(m => m.Name))}.");
        }
        var wanted = new HashSet<string>(names) { Reference };
        foreach (var m in All.Where(m => names.Contains(m.Name) && m.Base is not null)) wanted.Add(m.Base!);
        return All.Where(m => wanted.Contains(m.Name)).ToArray();
    }

    private static Optimizer Horizon(Optimizer optimizer)
    {
        optimizer.SetHorizon(new TrainingHorizon(1_000_000, 1000));
        return optimizer;
    }
}
