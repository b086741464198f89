// Optimizer step benchmark: a small Stopwatch harness (warm-up, then the median of N timed steps) that reports,
// per parameter count and optimizer, ms/step, the bytes the step must move, achieved GB/s, the share of the
// machine's copy bandwidth measured in the same run, and the ratio to the method's base optimizer.
//
//   dotnet run -c Release --project Microsoft.ML.Momentum.Benchmarks -- [--sizes 1M,10M,100M] [--threads 2]
//       [--runs 9] [--device] [--markdown]
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Momentum.Benchmarks;

var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"# Optimizer step benchmark: {Environment.ProcessorCount} cores, threads = {options.Threads}, median of {options.Runs} steps");
var copy100 = CopyBandwidth.Measure(options.Threads);
Console.WriteLine($"copy bandwidth (Span.CopyTo of 100M floats on {options.Threads} threads, read+write bytes): {copy100:F1} GB/s");
Console.WriteLine("Per size, \"copy\" is a parallel Span.CopyTo of the same length timed in the same rounds as the steps.");
Console.WriteLine();
foreach (var size in options.Sizes)
{
    var (ms, copyMs) = StepTimer.Cpu(MethodCatalog.All, size, options);
    var copy = 2.0 * 4 * size / (copyMs / 1000) / 1e9;
    Console.WriteLine($"## {Format.Count(size)} parameters (copy: {copyMs:F2} ms, {copy:F1} GB/s)");
    Console.WriteLine("| optimizer | backend | ms/step | bytes/step | GB/s | % of copy | × base |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
    foreach (var method in MethodCatalog.All) Report(method, "cpu", ms, size, copy);
    if (options.Device)
    {
        var device = StepTimer.Device(MethodCatalog.All.Where(m => m.OnDevice).ToArray(), size, options);
        foreach (var method in MethodCatalog.All.Where(m => m.OnDevice)) Report(method, "native", device, size, copy);
    }
    Console.WriteLine();
}

static void Report(BenchMethod method, string backend, Dictionary<string, double> times, long size, double copy)
{
    var ms = times[method.Name];
    var bytes = method.VectorPasses * 4.0 * size;
    var gbs = bytes / (ms / 1000) / 1e9;
    var ratio = method.Base is { } b ? (ms / times[b]).ToString("F2", CultureInfo.InvariantCulture) : "—";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {method.Name} | {backend} | {ms:F2} | {Format.Bytes(bytes)} | {gbs:F1} | {100 * gbs / copy:F0}% | {ratio} |"));
}

namespace Microsoft.ML.Momentum.Benchmarks
{
    internal sealed record BenchmarkOptions(long[] Sizes, int Threads, int Runs, bool Device)
    {
        public static BenchmarkOptions Parse(string[] args)
        {
            long[] sizes = [1_000_000, 10_000_000, 100_000_000];
            int threads = 2, runs = 9;
            var device = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sizes": sizes = args[++i].Split(',').Select(Format.ParseCount).ToArray(); break;
                    case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--device": device = true; break;
                    default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --sizes 1M,10M --threads 2 --runs 7 --device.");
                }
            }
            return new BenchmarkOptions(sizes, threads, runs, device);
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
            var source = GC.AllocateUninitializedArray<float>(n);
            var destination = GC.AllocateUninitializedArray<float>(n);
            source.AsSpan().Fill(1f);
            destination.AsSpan().Fill(0f);
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
        public static void ParallelCopy(float[] source, float[] destination, int threads)
        {
            var n = source.Length;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var start = (int)((long)n * t / threads);
                var end = (int)((long)n * (t + 1) / threads);
                source.AsSpan(start, end - start).CopyTo(destination.AsSpan(start, end - start));
            });
        }
    }
}
