namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// The base value until <see cref="After"/> counts, then 0: "momentum off after N steps (or epochs)", which
/// Defazio's primal-averaging paper recommends (dropping momentum after the first epoch costs no accuracy on
/// CIFAR-10 and ImageNet). Use <c>Unit = Epoch, After = 1</c> for that recipe.
/// </summary>
public sealed class OffAfterSchedule : Schedule
{
    /// <summary>Counts at the base value, ≥ 0 (default 1).</summary>
    public long After { get; set => field = Check.AtLeast(value, 0, nameof(After)); } = 1;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context) => count < After ? context.BaseValue : 0.0;
}
