namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// OneCycle's momentum cycling (PyTorch OneCycleLR with cycle_momentum): momentum (or Adam's β1) falls from
/// <see cref="MaxMomentum"/> to <see cref="BaseMomentum"/> while the learning rate rises, then rises back.
/// The values are absolute; the optimizer's configured momentum is ignored. ML.NET's text trainers get this
/// implicitly (β1 cycles 0.95 → 0.85 → 0.95); here it is explicit and opt-in.
/// </summary>
public sealed class OneCycleMomentumSchedule : Schedule
{
    /// <summary>Momentum at the learning-rate peak, in [0, 1) (default 0.85).</summary>
    public double BaseMomentum { get; set => field = Check.InRange(value, 0, 1, nameof(BaseMomentum), upperOpen: true); } = 0.85;

    /// <summary>Momentum at the start and the end, in [0, 1) (default 0.95).</summary>
    public double MaxMomentum { get; set => field = Check.InRange(value, 0, 1, nameof(MaxMomentum), upperOpen: true); } = 0.95;

    /// <summary>Fraction of the run spent in the first phase, in (0, 1) (default 0.3); match the learning-rate schedule.</summary>
    public double PctStart { get; set => field = Check.InRange(value, 0, 1, nameof(PctStart), true, true); } = 0.3;

    /// <summary>Interpolation shape (default cosine); match the learning-rate schedule.</summary>
    public AnnealStrategy Anneal { get; set; } = AnnealStrategy.Cosine;

    /// <summary>Use the three-phase form (default false); match the learning-rate schedule.</summary>
    public bool ThreePhase { get; set; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool NeedsHorizon => true;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
        => OneCyclePhases.Evaluate(count, Total(context), PctStart, ThreePhase, Anneal, MaxMomentum, BaseMomentum, MaxMomentum);
}
