namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// OneCycle learning rate (Smith; PyTorch OneCycleLR) with the base learning rate as the peak: it rises from
/// base / <see cref="DivFactor"/> to base over the first <see cref="PctStart"/> of the run, then anneals to
/// base / (<see cref="DivFactor"/> · <see cref="FinalDivFactor"/>). Pair it with
/// <see cref="OneCycleMomentumSchedule"/> for the momentum cycling that PyTorch turns on by default.
/// </summary>
public sealed class OneCycleSchedule : Schedule
{
    /// <summary>Fraction of the run spent rising, in (0, 1) (default 0.3).</summary>
    public double PctStart { get; set => field = Check.InRange(value, 0, 1, nameof(PctStart), true, true); } = 0.3;

    /// <summary>Interpolation shape (default cosine).</summary>
    public AnnealStrategy Anneal { get; set; } = AnnealStrategy.Cosine;

    /// <summary>Initial learning rate = base / DivFactor; ≥ 1 (default 25).</summary>
    public double DivFactor { get; set => field = Check.InRange(value, 1, double.MaxValue, nameof(DivFactor)); } = 25;

    /// <summary>Final learning rate = initial / FinalDivFactor; &gt; 0 (default 1e4).</summary>
    public double FinalDivFactor { get; set => field = Check.Positive(value, nameof(FinalDivFactor)); } = 1e4;

    /// <summary>Use the three-phase form (rise, fall back to the initial value, anneal) (default false).</summary>
    public bool ThreePhase { get; set; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool NeedsHorizon => true;

    /// <inheritdoc />
    public override double ValueAt(long count, ScheduleContext context)
    {
        var peak = context.BaseValue;
        var initial = peak / DivFactor;
        return OneCyclePhases.Evaluate(count, Total(context), PctStart, ThreePhase, Anneal, initial, peak, initial / FinalDivFactor);
    }
}
