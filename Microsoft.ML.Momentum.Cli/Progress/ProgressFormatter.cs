using System.Globalization;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Progress;

/// <summary>The text of progress reports, shared by the live bar and the plain log (invariant culture).</summary>
internal static class ProgressFormatter
{
    /// <summary>"epoch 2/10 · step 1,234/9,380 · loss 0.4123 · lr 0.05 · momentum 0.9 · 4,210 samples/s · ETA 00:02:11".</summary>
    public static string Step(TrainingProgress p)
    {
        var o = p.Optimizer;
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.MaxEpoch} · step {p.Step:N0}/{p.TotalSteps:N0} · loss {p.Loss:F4} · lr {G(o.LearningRate)} · momentum {G(o.Momentum)}{Extra(p)} · {p.SamplesPerSecond:N0} samples/s · ETA {Eta(p)}");
    }

    /// <summary>"epoch 2/10: train loss 0.4123, accuracy 85.10% · validation loss 0.3900, accuracy 86.00%, macro-F1 0.8590 · 12.3 s".</summary>
    public static string Epoch(TrainingProgress p)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.MaxEpoch}: train loss {p.EpochLoss:F4}, accuracy {p.EpochAccuracy * 100:F2}%");
        if (p.Validation is { } v)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" · validation loss {v.LogLoss:F4}, accuracy {v.Accuracy * 100:F2}%, macro-F1 {v.MacroF1:F4}");
        }
        return line + string.Create(CultureInfo.InvariantCulture, $" · lr {G(p.Optimizer.LearningRate)} · {Clock(p.Elapsed)} elapsed");
    }

    /// <summary>Remaining time at the run's average pace so far ("--:--:--" before the first step).</summary>
    public static string Eta(TrainingProgress p)
    {
        if (p.Step <= 0 || p.Elapsed <= TimeSpan.Zero || p.TotalSteps <= p.Step) return p.TotalSteps <= p.Step && p.Step > 0 ? "00:00:00" : "--:--:--";
        var remaining = p.Elapsed.TotalSeconds / p.Step * (p.TotalSteps - p.Step);
        return Clock(TimeSpan.FromSeconds(Math.Min(remaining, TimeSpan.FromDays(99).TotalSeconds)));
    }

    public static string Clock(TimeSpan span)
        => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours:00}:{span.Minutes:00}:{span.Seconds:00}");

    /// <summary>A short number: 0.1, 0.0005, 1.2e-05.</summary>
    public static string G(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : "n/a";

    private static string Extra(TrainingProgress p)
    {
        var o = p.Optimizer;
        var text = "";
        if (double.IsFinite(o.LowerBound)) text += string.Create(CultureInfo.InvariantCulture, $" · τ {G(o.StepSize)}");
        if (o.DropCount > 0) text += string.Create(CultureInfo.InvariantCulture, $" · drops {o.DropCount}");
        return text;
    }
}
