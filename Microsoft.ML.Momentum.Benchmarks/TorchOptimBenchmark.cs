using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// <c>--torch-optim</c>: the <see cref="MomentumOptimizer"/> steps (in place over the tensors) against TorchSharp's own
/// SGD-momentum and Adam on the same parameters: 10M floats in 100 CPU tensors. Every round steps every optimizer
/// once, in an order rotated by one each round, so the host's slow stretches hit all alike; the first rounds warm up.
/// A time is the median over the rounds; a ratio is the median of the per-round ratios, with its quartiles.
/// </summary>
internal static class TorchOptimBenchmark
{
    private const int Tensors = 100;
    private const int PerTensor = 100_000;
    private const int WarmupRounds = 3;
    private const string Sgd = "torch.optim.SGD momentum 0.9";
    private const string Adam = "torch.optim.Adam";

    public static void Run(int threads, int rounds)
    {
        TorchRuntime.ThreadCount = threads;
        torch.manual_seed(1);
        var parameters = Enumerable.Range(0, Tensors).Select(_ => new Parameter(torch.randn(PerTensor).DetachFromDisposeScope())).ToArray();
        foreach (var p in parameters) p.grad = torch.randn(PerTensor).mul_(1e-3).DetachFromDisposeScope();
        // Each row: the optimizer, its step, and the TorchSharp optimizer its overhead is measured against.
        (string Name, optim.Optimizer Optimizer, Action Step, string Base)[] rows =
        [
            Row(Sgd, optim.SGD(parameters, 0.01, momentum: 0.9), o => o.step(), Sgd),
            Row(Adam, optim.Adam(parameters, 1e-4), o => o.step(), Adam),
            Row("MomentumOptim.SgdMomentum", MomentumOptim.SgdMomentum(parameters, 0.01), o => o.step(), Sgd),
            Row("MomentumOptim.Adam", MomentumOptim.Adam(parameters, 1e-4), o => o.step(), Adam),
            Row("MomentumOptim.DemonSgd", MomentumOptim.DemonSgd(parameters, 0.01, total_steps: 100_000), o => o.step(), Sgd),
            Row("MomentumOptim.DemonAdam", MomentumOptim.DemonAdam(parameters, total_steps: 100_000), o => o.step(), Adam),
            Row("MomentumOptim.MoMo", MomentumOptim.MoMo(parameters, lr: 1e-3), o => o.step(1.0), Sgd),
            Row("MomentumOptim.MoMoAdam", MomentumOptim.MoMoAdam(parameters, lr: 1e-4), o => o.step(1.0), Adam),
        ];
        try
        {
            Report(rows, Measure(rows, rounds), threads, rounds);
        }
        finally
        {
            foreach (var row in rows) row.Optimizer.Dispose();
        }
    }

    private static RoundTimes Measure((string Name, optim.Optimizer Optimizer, Action Step, string Base)[] rows, int rounds)
    {
        var times = rows.ToDictionary(r => r.Name, _ => new List<double>());
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                var row = rows[(j + round) % rows.Length];
                using var scope = NewDisposeScope();
                var watch = Stopwatch.StartNew();
                row.Step();
                if (round >= WarmupRounds) times[row.Name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return new RoundTimes(times);
    }

    private static void Report((string Name, optim.Optimizer Optimizer, Action Step, string Base)[] rows, RoundTimes results, int threads, int rounds)
    {
        Console.WriteLine($"# torch.optim step benchmark: {Tensors} CPU tensors × {PerTensor:N0} = {Tensors * PerTensor / 1e6:F0}M floats, {threads} threads (optimizer and libtorch), {Environment.ProcessorCount} cores, {rounds} alternated rounds after {WarmupRounds} warm-up rounds");
        Console.WriteLine();
        Console.WriteLine($"| optimizer | ms/step (median) | × base [quartiles] | base | × {Sgd} | × {Adam} |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {results.Ms(row.Name):F2} | {results.FormatRatio(row.Name, row.Base, withRange: true)} | {row.Base} | {results.FormatRatio(row.Name, Sgd, withRange: false)} | {results.FormatRatio(row.Name, Adam, withRange: false)} |"));
        }
        Console.WriteLine();
        foreach (var row in rows)
        {
            if (row.Optimizer is MomentumOptimizer ours && ours.RequiresLoss)
            {
                var d = ours.Groups[0].Diagnostics;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Name}: last step τ = {d.StepSize:G3}, cap = {d.LearningRate:G3} ({(d.StepSize < d.LearningRate ? "below the cap: two passes" : "at the cap: one speculative pass")}), skipped steps: {d.SkippedSteps}"));
            }
        }
    }

    private static (string, optim.Optimizer, Action, string) Row<T>(string name, T optimizer, Action<T> step, string baseName) where T : optim.Optimizer
        => (name, optimizer, () => step(optimizer), baseName);
}
