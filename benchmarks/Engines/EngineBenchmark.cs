// Training-throughput benchmark of the compute engines, one measurement per process (benchmarks/Engines/README.md).
// Compiled twice: against the TorchSharp library (engines "torchsharp" and "plain") and, with NATIVE_ENGINE,
// against the native-engine library of the tree before the move (engine "native").
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
#if NATIVE_ENGINE
using EngineModel = Microsoft.ML.Momentum.Engine.NativeModel;
using EngineRuntime = Microsoft.ML.Momentum.Engine.TorchEngine;
#else
using EngineModel = Microsoft.ML.Momentum.Networks.TorchModel;
using EngineRuntime = Microsoft.ML.Momentum.Engine.TorchRuntime;
#endif

namespace Microsoft.ML.Momentum.Benchmarks.Engines;

internal static class EngineBenchmark
{
#if NATIVE_ENGINE
    private static readonly string[] Engines = ["native"];
#else
    private static readonly string[] Engines = ["torchsharp", "plain"];
#endif

    public static int Main(string[] args)
    {
        try
        {
            var options = Options.Parse(args);
            switch (options.Command)
            {
                case "prepare":
                    TokenSet.Prepare(options.Text("imdb"), options.Text("cache"));
                    return 0;
                case "measure":
                    Console.WriteLine(Measure(new Settings(options)));
                    return 0;
                default:
                    Console.Error.WriteLine(
                        "usage: prepare --imdb reviews.json --cache DIR\n" +
                        "       measure --engine E --case C --threads N --batch B --warmup W --steps S --optimizer sgdm|adam --lr X\n" +
                        "               [--seed 1] [--cache DIR] [--fashion DIR]\n" +
                        $"engines of this build: {string.Join(", ", Engines)}; cases: cnn, resnet20, bag, textcnn");
                    return 2;
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static string Measure(Settings settings)
    {
        if (!Engines.Contains(settings.Engine)) throw new ArgumentException($"This build runs the engines {string.Join(", ", Engines)}, not '{settings.Engine}'.");
        var workload = Workload.Load(settings);
        var (torchVersion, timing) = settings.Engine == "plain" ? RunPlain(settings, workload) : RunOurs(settings, workload);
        var result = new Dictionary<string, object>
        {
            ["engine"] = settings.Engine,
            ["case"] = settings.Case,
            ["threads"] = settings.Threads,
            ["steps"] = settings.Steps,
            ["batch"] = settings.Batch,
            ["seconds"] = Math.Round(timing.Seconds, 4),
            ["samplesPerSecond"] = Math.Round(settings.Steps * settings.Batch / timing.Seconds, 2),
            ["peakRssMiB"] = Math.Round(PeakRssMiB(), 1),
            ["finalLoss"] = Math.Round(timing.FinalLoss, 5),
            ["torch"] = torchVersion,
        };
        return JsonSerializer.Serialize(result);
    }

    // Our trainer's step: the library's model (one flat parameter and gradient buffer) and fused optimizer, as
    // TrainingLoop drives them on the CPU.
    private static (string, Timing) RunOurs(Settings settings, Workload workload)
    {
        EngineRuntime.ThreadCount = settings.Threads;
        using var model = EngineModel.Create(workload.Spec, null, settings.Seed);
        using Optimizer optimizer = settings.Optimizer switch
        {
            "sgdm" => new SgdMomentum { LearningRate = settings.LearningRate, Momentum = 0.9 },
            "adam" => new Adam { LearningRate = settings.LearningRate },
            _ => throw new ArgumentException($"Unknown optimizer '{settings.Optimizer}' (sgdm or adam)."),
        };
        optimizer.Parallelism = settings.Threads;
        var timing = Timing.Run(settings, step =>
        {
            workload.Fill(step);
            var result = workload.IsText
                ? model.TrainStepTokens(workload.Tokens, workload.SequenceLength, workload.Labels)
                : model.TrainStep(workload.Inputs, workload.Labels);
            optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), result.Loss);
            return result.Loss;
        });
        return (EngineRuntime.TorchVersion, timing);
    }

#if NATIVE_ENGINE
    private static (string, Timing) RunPlain(Settings settings, Workload workload) =>
        throw new InvalidOperationException("The plain TorchSharp loop is part of the TorchSharp build.");
#else
    private static (string, Timing) RunPlain(Settings settings, Workload workload) => PlainTorchSharp.Run(settings, workload);
#endif

    private static double PeakRssMiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
    }
}

/// <summary>What one measurement runs; every value comes from the command line (run.sh holds the case table).</summary>
internal sealed class Settings
{
    public Settings(Options options)
    {
        Engine = options.Text("engine");
        Case = options.Text("case");
        Threads = options.Integer("threads");
        Batch = options.Integer("batch");
        Warmup = options.Integer("warmup");
        Steps = options.Integer("steps");
        Optimizer = options.Text("optimizer");
        LearningRate = double.Parse(options.Text("lr"), CultureInfo.InvariantCulture);
        Seed = (ulong)options.Integer("seed", 1);
        Cache = options.Text("cache", "/tmp/momentum-engine-bench");
        Fashion = options.Text("fashion", "/usr/share/datasets/fashion-mnist");
        if (Threads < 1 || Batch < 1 || Warmup < 0 || Steps < 1) throw new ArgumentException("threads, batch and steps must be ≥ 1, warmup ≥ 0.");
    }

    public string Engine { get; }
    public string Case { get; }
    public int Threads { get; }
    public int Batch { get; }
    public int Warmup { get; }
    public int Steps { get; }
    public string Optimizer { get; }
    public double LearningRate { get; }
    public ulong Seed { get; }
    public string Cache { get; }
    public string Fashion { get; }
}

/// <summary>The data of one case and the reused batch buffers that every engine reads from.</summary>
internal sealed class Workload
{
    private readonly ImageSlice? _images;
    private readonly TokenSet? _tokens;

    private Workload(Settings settings, NetworkSpec spec, ImageSlice? images, TokenSet? tokens)
    {
        Case = settings.Case;
        Batch = settings.Batch;
        Spec = spec;
        _images = images;
        _tokens = tokens;
        Labels = new long[Batch];
        Inputs = images is null ? [] : new float[Batch * ImageSlice.Pixels];
        Tokens = tokens is null ? [] : new long[Batch * tokens.SequenceLength];
    }

    public string Case { get; }
    public int Batch { get; }
    public NetworkSpec Spec { get; }
    public bool IsText => _tokens is not null;
    public int SequenceLength => _tokens?.SequenceLength ?? 0;
    public int Vocabulary => _tokens?.Vocabulary ?? 0;
    public float[] Inputs { get; }
    public long[] Tokens { get; }
    public long[] Labels { get; }

    public static Workload Load(Settings settings)
    {
        var batches = settings.Warmup + settings.Steps;
        switch (settings.Case)
        {
            case "cnn":
            case "resnet20":
                var images = ImageSlice.Load(settings.Fashion, Math.Min(60_000 / settings.Batch, batches) * settings.Batch);
                var spec = settings.Case == "cnn" ? NetworkSpec.SmallCnn(1, 28, 28, 10) : NetworkSpec.ResNet(1, 28, 28, 10);
                return new Workload(settings, spec, images, null);
            case "bag":
            case "textcnn":
                var tokens = TokenSet.Read(Path.Combine(settings.Cache, TokenSet.FileName(settings.Case)));
                if (tokens.Count < settings.Batch) throw new ArgumentException($"The token file holds {tokens.Count} reviews, fewer than one batch.");
                var textSpec = settings.Case == "bag" ? NetworkSpec.EmbeddingBag(tokens.Vocabulary, 2, 64) : NetworkSpec.TextCnn(tokens.Vocabulary, 2);
                return new Workload(settings, textSpec, null, tokens);
            default:
                throw new ArgumentException($"Unknown case '{settings.Case}' (cnn, resnet20, bag, textcnn).");
        }
    }

    /// <summary>Fills the buffers with batch <paramref name="index"/> of the fixed slice.</summary>
    public void Fill(int index)
    {
        if (_images is not null) _images.Fill(index, Batch, Inputs, Labels);
        else _tokens!.Fill(index, Batch, Tokens, Labels);
    }
}

/// <summary>Warm-up steps, then the timed steps; the loss reported is the mean of the last ten timed steps.</summary>
internal readonly record struct Timing(double Seconds, double FinalLoss)
{
    public static Timing Run(Settings settings, Func<int, double> step)
    {
        for (var i = 0; i < settings.Warmup; i++) step(i);
        var losses = new double[settings.Steps];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Steps; i++) losses[i] = step(settings.Warmup + i);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Timing(seconds, losses.TakeLast(10).Average());
    }
}

/// <summary>"command --key value …" arguments.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    public static Options Parse(string[] args)
    {
        var options = new Options { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"Expected '--key value' at '{args[i]}'.");
            options._values[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    public string Text(string key, string? fallback = null) =>
        _values.TryGetValue(key, out var value) ? value : fallback ?? throw new ArgumentException($"Missing --{key}.");

    public int Integer(string key, int? fallback = null) =>
        _values.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"Missing --{key}.");
}
