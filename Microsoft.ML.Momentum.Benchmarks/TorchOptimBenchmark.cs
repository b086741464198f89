using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// <c>--torch-optim</c>: the <see cref="MomentumOptimizer"/> steps (gather, fused kernels, scatter) against TorchSharp's
/// own SGD-momentum and Adam on the same parameters: 10M floats in 100 CPU tensors, median ms/step of 21 steps.
/// </summary>
internal static class TorchOptimBenchmark
{
    private const int Tensors = 100;
    private const int PerTensor = 100_000;
    private const int Steps = 21;

    public static void Run(int threads)
    {
        TorchRuntime.ThreadCount = threads;
        torch.manual_seed(1);
        var parameters = Enumerable.Range(0, Tensors).Select(_ => new Parameter(torch.randn(PerTensor).DetachFromDisposeScope())).ToArray();
        foreach (var p in parameters) p.grad = torch.randn(PerTensor).mul_(1e-3).DetachFromDisposeScope();
        Console.WriteLine($"# torch.optim step benchmark: {Tensors} tensors × {PerTensor:N0} = {Tensors * PerTensor / 1e6:F0}M floats, {threads} threads, median of {Steps} steps");
        var sgd = Time(optim.SGD(parameters, 0.01, momentum: 0.9), o => o.step());
        var adam = Time(optim.Adam(parameters, 1e-4), o => o.step());
        Console.WriteLine("| optimizer | ms/step | × torch.optim.SGD(momentum) | × torch.optim.Adam |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("torch.optim.SGD momentum 0.9", sgd, sgd, adam);
        Row("torch.optim.Adam", adam, sgd, adam);
        Row("MomentumOptim.SgdMomentum", Time(MomentumOptim.SgdMomentum(parameters, 0.01), o => o.step()), sgd, adam);
        Row("MomentumOptim.Adam", Time(MomentumOptim.Adam(parameters, 1e-4), o => o.step()), sgd, adam);
        Row("MomentumOptim.DemonSgd", Time(MomentumOptim.DemonSgd(parameters, 0.01, total_steps: 1000), o => o.step()), sgd, adam);
        Row("MomentumOptim.DemonAdam", Time(MomentumOptim.DemonAdam(parameters, total_steps: 1000), o => o.step()), sgd, adam);
        Row("MomentumOptim.MoMo", Time(MomentumOptim.MoMo(parameters, lr: 1e-3), o => o.step(1.0)), sgd, adam);
        Row("MomentumOptim.MoMoAdam", Time(MomentumOptim.MoMoAdam(parameters, lr: 1e-4), o => o.step(1.0)), sgd, adam);
    }

    private static double Time<T>(T optimizer, Action<T> step) where T : optim.Optimizer
    {
        using (optimizer)
        {
            var times = new double[Steps];
            step(optimizer);
            for (var i = 0; i < Steps; i++)
            {
                using var scope = NewDisposeScope();
                var watch = Stopwatch.StartNew();
                step(optimizer);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return times[Steps / 2];
        }
    }

    private static void Row(string name, double ms, double sgd, double adam)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F2} | {ms / sgd:F2} | {ms / adam:F2} |"));
}
