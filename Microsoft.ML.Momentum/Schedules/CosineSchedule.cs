namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// Linear warm-up from <see cref="WarmupStartFactor"/>·base to base over the warm-up counts, then a half-cosine
/// from base down to <see cref="MinFactor"/>·base at the end of the run (PyTorch CosineAnnealingLR with
/// warm-up; optax warmup_cosine_decay). The warm-up length is <see cref="WarmupSteps"/> plus
/// <see cref="WarmupFraction"/> of the run.
/// </summary>
public sealed class CosineSchedule : Schedule
{
    /// <summary>Factor of the base value reached at the end, in [0, 1] (default 0).</summary>
    public double MinFactor { get; set => field = Check.InRange(value, 0, 1, nameof(MinFactor)); }

    /// <summary>Warm-up length in counts, ≥ 0 (default 0).</summary>
    public long WarmupSteps { get; set => field = Check.AtLeast(value, 0, nameof(WarmupSteps)); }

    /// <summary>Warm-up length as a fraction of the run, in [0, 1) (default 0).</summary>
    public double WarmupFraction { get; set => field = Check.InRange(value, 0, 1, nameof(WarmupFraction), upperOpen: true); }

    /// <summary>Factor of the base value at the start of the warm-up, in [0, 1] (default 0).</summary>
    public double WarmupStartFactor { get; set => field = Check.InRange(value, 0, 1, nameof(WarmupStartFactor)); }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool NeedsHorizon => true;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
    {
        var total = Total(context);
        var warmup = Math.Min(total, WarmupSteps + (long)Math.Round(WarmupFraction * total));
        if (count < warmup)
        {
            return context.BaseValue * (WarmupStartFactor + (1 - WarmupStartFactor) * count / warmup);
        }
        var span = Math.Max(1, total - warmup);
        var progress = Math.Min(1.0, (double)(count - warmup) / span);
        return context.BaseValue * (MinFactor + (1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
