using System.Globalization;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// One entry of <c>momentum compare --optimizers</c>: a registry name or alias with its recommended settings,
/// optionally with a learning rate ("adam:3e-4"). <see cref="Label"/> names it in the table and charts.
/// </summary>
internal sealed record ComparedOptimizer(string Label, Optimizer Optimizer)
{
    /// <summary>Names <c>--optimizers</c> accepts: the library's optimizers and the AutoDrop aliases.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. OptimizerJson.OptimizerNames, "autoDrop", "autoDropAdam"];

    /// <summary>
    /// The recommended configuration of each name (learning rate, schedule), the settings compare uses unless a
    /// learning rate is given: sgd and sgdMomentum 0.05 with cosine decay (the trainer's default), demonSgd 0.05,
    /// adam and adamW 1e-3, demonAdam 1e-4, momo 1, momoAdam 1e-2; autoDrop is sgdMomentum at 0.05 under an
    /// AutoDrop controller, autoDropAdam adam at 1e-3 under one.
    /// </summary>
    public static Optimizer Recommended(string name) => name switch
    {
        "sgd" => new Sgd { LearningRate = 0.05, LearningRateSchedule = new CosineSchedule() },
        "sgdMomentum" => new SgdMomentum { LearningRate = 0.05, LearningRateSchedule = new CosineSchedule() },
        "demonSgd" => new DemonSgd { LearningRate = 0.05 },
        "adam" => new Adam { LearningRate = 1e-3 },
        "adamW" => new AdamW { LearningRate = 1e-3 },
        "momo" => new Momo { LearningRate = 1 },
        "momoAdam" => new MomoAdam { LearningRate = 1e-2 },
        "autoDrop" => new AutoDrop().Over(new SgdMomentum { LearningRate = 0.05 }),
        "autoDropAdam" => new AutoDrop().Over(new Adam { LearningRate = 1e-3 }),
        _ => OptimizerJson.Create(name),
    };

    /// <summary>Parses a comma-separated list such as "demonSgd,momo:0.5,autoDrop" (bad usage, exit code 2, when a name is unknown).</summary>
    public static IReadOnlyList<ComparedOptimizer> ParseList(string list)
    {
        var entries = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0) throw new UsageException("--optimizers lists no optimizer; e.g. --optimizers demonSgd,momo,autoDrop,sgdMomentum");
        var parsed = entries.Select(Parse).ToArray();
        if (parsed.GroupBy(p => p.Label).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new UsageException($"--optimizers lists '{duplicate.Key}' twice.");
        }
        return parsed;
    }

    private static ComparedOptimizer Parse(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? entry : entry[..colon];
        if (!Names.Contains(name)) throw new UsageException($"--optimizers: unknown optimizer '{name}'{Suggestions.Hint(name, Names.ToArray())}");
        var optimizer = Recommended(name);
        if (colon < 0) return new ComparedOptimizer(name, optimizer);
        var rate = entry[(colon + 1)..];
        if (!double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var learningRate) || !(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new UsageException($"--optimizers: '{entry}': the learning rate after ':' must be a positive number, e.g. {name}:0.01");
        }
        optimizer.LearningRate = learningRate;
        return new ComparedOptimizer(entry, optimizer);
    }
}
