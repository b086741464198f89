namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// Linear interpolation from <see cref="StartFactor"/>·base to <see cref="EndFactor"/>·base over
/// <see cref="Length"/> counts (the whole run when null), then constant (PyTorch LinearLR). As a momentum
/// schedule with <see cref="EndFactor"/> = 0 it is the linear momentum decay.
/// </summary>
public sealed class LinearSchedule : Schedule
{
    /// <summary>Factor of the base value at count 0, ≥ 0 (default 1).</summary>
    public double StartFactor { get; set => field = Check.NonNegative(value, nameof(StartFactor)); } = 1;

    /// <summary>Factor of the base value at the end, ≥ 0 (default 0).</summary>
    public double EndFactor { get; set => field = Check.NonNegative(value, nameof(EndFactor)); }

    /// <summary>Counts over which to interpolate, ≥ 1; null (default) means the run's horizon.</summary>
    public long? Length { get; set => field = value is { } v ? Check.AtLeast(v, 1, nameof(Length)) : null; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool NeedsHorizon => Length is null;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
    {
        var total = Length ?? Total(context);
        var progress = Math.Min(1.0, (double)count / total);
        return context.BaseValue * (StartFactor + (EndFactor - StartFactor) * progress);
    }
}
