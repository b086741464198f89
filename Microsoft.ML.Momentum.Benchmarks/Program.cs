// Optimizer step benchmark: a small Stopwatch harness (warm-up, then the median of N timed steps) that reports,
// per parameter count and optimizer, ms/step, the bytes the step must move, achieved GB/s, the share of the
// machine's copy bandwidth measured in the same run, and the ratio to the method's base optimizer (the median of
// the per-round ratios, with their quartiles).
//
//   dotnet run -c Release --project Microsoft.ML.Momentum.Benchmarks -- [--sizes 1M,10M,100M] [--threads 2]
//       [--runs 9] [--methods sgd-momentum,momo,momo-adam] [--warm-state] [--device] [--pytorch /usr/bin/python3] [--help]
//   dotnet run -c Release --project Microsoft.ML.Momentum.Benchmarks -- --torch-optim [--threads 2] [--runs 21]
//       (MomentumOptim's TorchSharp optimizers against torch.optim.SGD/Adam, 10M floats in 100 tensors)
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Momentum.Benchmarks;
using Microsoft.ML.Momentum.Engine;

if (args.Contains("--torch-optim"))
{
    int Argument(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
    TorchOptimBenchmark.Run(Argument("--threads", 2), Argument("--runs", 21));
    return;
}
var options = BenchmarkOptions.Parse(args);
if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage + " " + string.Join(", ", MethodCatalog.All.Select(m => m.Name)));
    return;
}
var methods = MethodCatalog.Select(options.Methods);
Console.WriteLine($"# Optimizer step benchmark: {Environment.ProcessorCount} cores, threads = {options.Threads}, median of {options.Runs} steps at 10M and more, proportionally more below (1M: {options.RunsAt(1_000_000)})");
Console.WriteLine(options.WarmState
    ? "Caches: before each timed step, a flush, x and g read, then an untimed step of the same optimizer (its vectors warm where they fit)."
    : "Caches: before each timed step, a flush (the optimizer's state cold), then x and g read (warm, as the backward pass leaves them).");
var copy100 = CopyBandwidth.Measure(options.Threads);
Console.WriteLine($"copy bandwidth (Span.CopyTo of 100M floats on {options.Threads} threads, read+write bytes): {copy100:F1} GB/s");
Console.WriteLine("Per size, \"copy\" is a parallel Span.CopyTo of the same length timed in the same rounds as the steps.");
Console.WriteLine();
foreach (var size in options.Sizes)
{
    var (ms, copyMs) = StepTimer.Cpu(methods, size, options);
    var copy = 2.0 * 4 * size / (copyMs / 1000) / 1e9;
    Console.WriteLine($"## {Format.Count(size)} parameters (copy: {copyMs:F2} ms, {copy:F1} GB/s)");
    Console.WriteLine($"| optimizer | backend | ms/step | bytes/step | GB/s | % of copy | × base [quartiles] | × {MethodCatalog.Reference} |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
    foreach (var method in methods) Report(method, "cpu", ms, size, copy);
    if (options.Device)
    {
        var onDevice = methods.Where(m => m.OnDevice).ToArray();
        var device = StepTimer.Device(onDevice, size, options);
        foreach (var method in onDevice) Report(method, "native", device, size, copy);
    }
    if (options.PyTorch is { } python) PyTorchReference.Report(PyTorchReference.Measure(python, size, options), ms.Names.ToDictionary(n => n, ms.Ms));
    Console.WriteLine();
}

static void Report(BenchMethod method, string backend, RoundTimes times, long size, double copy)
{
    var ms = times.Ms(method.Name);
    var bytes = method.PassesAt(size) * 4.0 * size;
    var gbs = bytes / (ms / 1000) / 1e9;
    var ratio = times.FormatRatio(method.Name, method.Base, withRange: true);
    var reference = times.FormatRatio(method.Name, MethodCatalog.Reference, withRange: false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {method.Name} | {backend} | {ms:F2} | {Format.Bytes(bytes)} | {gbs:F1} | {100 * gbs / copy:F0}% | {ratio} | {reference} |"));
}

namespace Microsoft.ML.Momentum.Benchmarks
{
    internal sealed record BenchmarkOptions(long[] Sizes, int Threads, int Runs, string[]? Methods, bool WarmState, bool Device, string? PyTorch, bool Help)
    {
        /// <summary>
        /// Timed rounds for <paramref name="size"/>: <see cref="Runs"/> from 10 M up, scaled up below so a small size's
        /// median rests on about as much measured time (a 1 M step takes well under a millisecond).
        /// </summary>
        public int RunsAt(long size) => (int)Math.Min(Runs * Math.Max(1, 10_000_000 / Math.Max(size, 1)), 50L * Runs);

        public const string Usage = """
            Optimizer step benchmark (CPU backend; --device adds the native kernels on the CPU device).
              --sizes 1M,10M,100M     parameter counts (K and M suffixes)
              --threads 2             threads of the CPU kernels
              --runs 9                timed rounds from 10M (after 2 warm-up rounds), more below (10x at 1M);
                                      each round steps every method once
              --methods a,b,...       methods to time (default all); their base methods and sgd-momentum are
                                      added so the ratios stay measured in the same rounds
              --warm-state            precede every timed step with an untimed step of the same optimizer, so
                                      the step starts with its vectors in the cache where they fit (default:
                                      its state cold; every timed step follows a cache flush and a read of
                                      x and g)
              --device                also time the device backend
              --pytorch PYTHON        also time torch.optim (SGD momentum, Adam; foreach) with this Python
                                      (one with torch, e.g. Debian's python3-torch: /usr/bin/python3) and
                                      print our time / torch's per size
              --help                  this text
            Methods:
            """;

        public static BenchmarkOptions Parse(string[] args)
        {
            long[] sizes = [1_000_000, 10_000_000, 100_000_000];
            int threads = 2, runs = 9;
            string[]? methods = null;
            bool warmState = false, device = false, help = false;
            string? pytorch = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sizes": sizes = args[++i].Split(',').Select(Format.ParseCount).ToArray(); break;
                    case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--methods": methods = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--warm-state": warmState = true; break;
                    case "--device": device = true; break;
                    case "--pytorch": pytorch = args[++i]; break;
                    case "--help" or "-h": help = true; break;
                    default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --help.");
                }
            }
            return new BenchmarkOptions(sizes, threads, runs, methods, warmState, device, pytorch, help);
        }
    }

    internal static class Format
    {
        public static long ParseCount(string text)
        {
            var t = text.Trim().ToUpperInvariant();
            var scale = t.EndsWith('M') ? 1_000_000L : t.EndsWith('K') ? 1_000L : 1L;
            return (long)(double.Parse(t.TrimEnd('M', 'K'), CultureInfo.InvariantCulture) * scale);
        }

        public static string Count(long n) => n >= 1_000_000 ? $"{n / 1_000_000} M" : $"{n}";

        public static string Bytes(double b) => b >= 1e9 ? $"{b / 1e9:F2} GB" : $"{b / 1e6:F0} MB";
    }

    internal static class CopyBandwidth
    {
        /// <summary>GB/s of Span.CopyTo over 100 M floats on <paramref name="threads"/> threads (bytes read + written).</summary>
        public static double Measure(int threads)
        {
            const int n = 100_000_000;
            using var source = FlatVector.Zeros(n);
            using var destination = FlatVector.Zeros(n);
            source.AsSpan().Fill(1f);
            var times = new List<double>();
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                ParallelCopy(source, destination, threads);
                times.Add(watch.Elapsed.TotalSeconds);
            }
            times.Sort();
            return 2.0 * n * sizeof(float) / times[times.Count / 2] / 1e9;
        }

        /// <summary>Span.CopyTo split into <paramref name="threads"/> contiguous parts.</summary>
        public static void ParallelCopy(FlatVector source, FlatVector destination, int threads)
        {
            var n = (int)source.Length;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var start = (int)((long)n * t / threads);
                var end = (int)((long)n * (t + 1) / threads);
                source.AsSpan().Slice(start, end - start).CopyTo(destination.AsSpan().Slice(start, end - start));
            });
        }
    }
}
