namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// Demon's decaying momentum (Chen et al.): β_t = β₀·r / ((1 − β₀) + β₀·r) with r = 1 − t/T, so that the total
/// future contribution of a gradient, β/(1 − β), falls linearly to 0 at the end of the run. β₀ is the
/// optimizer's momentum (β1 for Adam), T the run's horizon in optimizer steps, t the steps already taken.
/// t/T is a floating-point division; r is clamped at 0 for t ≥ T (β stays 0 instead of turning negative and
/// hitting the pole at t = T/β₀). With a delayed start, β stays at β₀ for the first steps and the decay
/// restarts there.
/// </summary>
public sealed class DemonSchedule : Schedule
{
    /// <summary>Steps (counts) at constant β₀ before the decay starts, ≥ 0 (default 0).</summary>
    public long DelaySteps { get; set => field = Check.AtLeast(value, 0, nameof(DelaySteps)); }

    /// <summary>Additional delay as a fraction of the run, in [0, 1) (default 0); the blog's "delay to 75%" is 0.75.</summary>
    public double DelayFraction { get; set => field = Check.InRange(value, 0, 1, nameof(DelayFraction), upperOpen: true); }

    /// <summary>Clamp r = 1 − t/T at 0 (default true). Without it β turns negative past T; only for experiments.</summary>
    public bool ClampAtZero { get; set; } = true;

    /// <summary>Run length T in counts, ≥ 1; null (default) means the run's horizon.</summary>
    public long? TotalSteps { get; set => field = value is { } v ? Check.AtLeast(v, 1, nameof(TotalSteps)) : null; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool NeedsHorizon => TotalSteps is null;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
    {
        var total = TotalSteps ?? Total(context);
        var delay = Math.Min(total - 1, DelaySteps + (long)Math.Round(DelayFraction * total));
        return Beta(context.BaseValue, count, total, delay, ClampAtZero);
    }

    /// <summary>The Demon formula itself (exposed for tests and documentation).</summary>
    /// <param name="beta0">Initial momentum β₀ in [0, 1).</param>
    /// <param name="t">Steps already taken (0-based).</param>
    /// <param name="total">Horizon T ≥ 1.</param>
    /// <param name="delay">Steps at β₀ before the decay starts.</param>
    /// <param name="clampAtZero">Clamp r at 0.</param>
    public static double Beta(double beta0, long t, long total, long delay = 0, bool clampAtZero = true)
    {
        if (t < delay) return beta0;
        var tt = (double)(t - delay);
        var span = (double)(total - delay);
        var r = 1.0 - tt / span;
        if (clampAtZero) r = Math.Max(r, 0.0);
        return beta0 * r / ((1 - beta0) + beta0 * r);
    }
}
