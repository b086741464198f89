using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// One benchmarked configuration. <see cref="VectorPasses"/> counts the float vectors each step reads or
/// writes (x, g and every state vector, each read and each write once, plus the finiteness read of g), so
/// bytes/step = passes × 4 × n.
/// </summary>
internal sealed record BenchMethod(string Name, Func<Optimizer> Create, double VectorPasses, string? Base, bool OnDevice = true);

internal static class MethodCatalog
{
    private const int AutoDropWindow = 64;

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
        // pass 1 reads x, g, d; pass 2 reads x, g, d and writes x, d (finiteness comes from pass 1's sums)
        new("momo", () => new Momo(), 3 + 5, "sgd-momentum-ema"),
        // pass 1 reads x, g, d, v; pass 2 reads x, g, d, v and writes x, d, v
        new("momo-adam", () => new MomoAdam(), 4 + 7, "adam"),
        // the base kernel also reads and writes the running sum
        new("autodrop(sgd-momentum)", () => new AutoDrop { Window = AutoDropWindow }.Over(new SgdMomentum { LearningRate = 1e-3 }), 1 + 5 + 2 + WindowAmortized, "sgd-momentum"),
        new("autodrop(adam)", () => new AutoDrop { Window = AutoDropWindow }.Over(new Adam()), 1 + 7 + 2 + WindowAmortized, "adam"),
    ];

    private static Optimizer Horizon(Optimizer optimizer)
    {
        optimizer.SetHorizon(new TrainingHorizon(1_000_000, 1000));
        return optimizer;
    }
}
