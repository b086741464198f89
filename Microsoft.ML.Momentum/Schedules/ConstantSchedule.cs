namespace Microsoft.ML.Momentum.Schedules;

/// <summary>The base value at every step (the default when no schedule is set).</summary>
public sealed class ConstantSchedule : Schedule
{
    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context) => context.BaseValue;
}
