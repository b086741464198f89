namespace Microsoft.ML.Momentum.Schedules;

/// <summary>Step decay: base · <see cref="Gamma"/>^⌊count / <see cref="StepSize"/>⌋ (PyTorch StepLR).</summary>
public sealed class StepSchedule : Schedule
{
    /// <summary>Steps (or epochs) between decays, at least 1 (default 30).</summary>
    public long StepSize { get; set => field = Check.AtLeast(value, 1, nameof(StepSize)); } = 30;

    /// <summary>Multiplicative factor per decay, in (0, 1] (default 0.1).</summary>
    public double Gamma { get; set => field = Check.InRange(value, 0, 1, nameof(Gamma), lowerOpen: true); } = 0.1;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context) => context.BaseValue * Math.Pow(Gamma, count / StepSize);
}
