namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// Multi-step decay: base · <see cref="Gamma"/>^(number of milestones ≤ count) (PyTorch MultiStepLR; ML.NET's
/// object-detection trainer uses it per epoch).
/// </summary>
public sealed class MultiStepSchedule : Schedule
{
    /// <summary>Strictly increasing, non-negative step (or epoch) counts at which the value is multiplied by <see cref="Gamma"/>.</summary>
    public IReadOnlyList<long> Milestones
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Milestones));
            for (var i = 0; i < value.Count; i++)
            {
                if (value[i] < 0 || (i > 0 && value[i] <= value[i - 1]))
                {
                    throw new ArgumentException($"Milestones must be non-negative and strictly increasing (got [{string.Join(", ", value)}]).", nameof(Milestones));
                }
            }
            field = value.ToArray();
        }
    } = [];

    /// <summary>Multiplicative factor per milestone, in (0, 1] (default 0.1).</summary>
    public double Gamma { get; set => field = Check.InRange(value, 0, 1, nameof(Gamma), lowerOpen: true); } = 0.1;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
    {
        var passed = 0;
        foreach (var milestone in Milestones)
        {
            if (count >= milestone) passed++;
        }
        return context.BaseValue * Math.Pow(Gamma, passed);
    }
}
