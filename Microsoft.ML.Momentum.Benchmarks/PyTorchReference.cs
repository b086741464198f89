using System.Diagnostics;
using System.Globalization;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// torch.optim on the same machine, size and thread count, from <c>build/bench-optimizers.py</c> run by the given
/// Python (one with torch: Debian's <c>python3-torch</c> is the same libtorch 1.13 the native engine uses), with
/// the same cache handling before each timed step (<see cref="CacheFlush"/>, and the warm-state step if asked).
/// </summary>
internal static class PyTorchReference
{
    /// <summary>Our method each torch.optim row is compared with.</summary>
    private static readonly Dictionary<string, string> Counterparts = new()
    {
        ["sgd-momentum (foreach)"] = "sgd-momentum",
        ["adam (foreach)"] = "adam",
    };

    /// <summary>Runs the script for one size and returns (torch version, optimizer, ms/step) rows.</summary>
    public static IReadOnlyList<(string Version, string Name, double Ms)> Measure(string python, long size, BenchmarkOptions options)
    {
        var script = Path.Combine(RepositoryRoot(), "build", "bench-optimizers.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { script, "--csv", "--sizes", size.ToString(CultureInfo.InvariantCulture), "--threads",
                options.Threads.ToString(CultureInfo.InvariantCulture), "--runs", options.RunsAt(size).ToString(CultureInfo.InvariantCulture),
                "--flush-mb", (CacheFlush.DefaultBytes >> 20).ToString(CultureInfo.InvariantCulture) },
        };
        if (options.WarmState) start.ArgumentList.Add("--warm-state");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{python}'.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{python} {script}' failed (exit {process.ExitCode}): {errors.Trim()}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(','))
            .Select(f => (f[0], f[2], double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();
    }

    /// <summary>Prints the torch.optim rows next to our counterpart's time from the same run.</summary>
    public static void Report(IReadOnlyList<(string Version, string Name, double Ms)> rows, IReadOnlyDictionary<string, double> ours)
    {
        if (rows.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"| torch {rows[0].Version} (foreach) | ms/step | ours | ours ms/step | ours ÷ torch |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        foreach (var (_, name, ms) in rows)
        {
            var counterpart = Counterparts.GetValueOrDefault(name);
            var line = counterpart is not null && ours.TryGetValue(counterpart, out var own)
                ? string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F2} | {counterpart} | {own:F2} | {own / ms:F2} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F2} | — | — | — |");
            Console.WriteLine(line);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build", "bench-optimizers.py"))) return directory.FullName;
        }
        throw new InvalidOperationException("build/bench-optimizers.py was not found above " + AppContext.BaseDirectory + ".");
    }
}
