namespace Microsoft.ML.Momentum.Schedules;

/// <summary>Exponential decay: base · <see cref="Gamma"/>^count (PyTorch ExponentialLR).</summary>
public sealed class ExponentialSchedule : Schedule
{
    /// <summary>Factor per step (or epoch), in (0, 1] (default 0.99).</summary>
    public double Gamma { get; set => field = Check.InRange(value, 0, 1, nameof(Gamma), lowerOpen: true); } = 0.99;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context) => context.BaseValue * Math.Pow(Gamma, count);
}
