namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// The planned length of a run, which horizon-dependent schedules (Demon, cosine, linear, OneCycle) need.
/// The trainer tells the optimizer once, before the first step, with <c>IOptimizer.SetHorizon</c>.
/// </summary>
/// <param name="TotalSteps">Total optimizer steps of the run (epochs × steps per epoch), at least 1.</param>
/// <param name="StepsPerEpoch">Optimizer steps per epoch, at least 1; used by schedules counted in epochs.</param>
public readonly record struct TrainingHorizon(long TotalSteps, long StepsPerEpoch)
{
    /// <summary>Total epochs of the run: <see cref="TotalSteps"/> / <see cref="StepsPerEpoch"/>, rounded up.</summary>
    public long TotalEpochs => (TotalSteps + StepsPerEpoch - 1) / StepsPerEpoch;

    /// <summary>Creates a horizon from epochs and steps per epoch.</summary>
    /// <param name="epochs">Number of epochs, at least 1.</param>
    /// <param name="stepsPerEpoch">Optimizer steps per epoch, at least 1.</param>
    public static TrainingHorizon FromEpochs(long epochs, long stepsPerEpoch) => new(epochs * stepsPerEpoch, stepsPerEpoch);

    /// <summary>Throws when a field is not positive.</summary>
    public void Validate()
    {
        if (TotalSteps < 1) throw new ArgumentException($"TotalSteps must be at least 1 (was {TotalSteps}).", nameof(TotalSteps));
        if (StepsPerEpoch < 1) throw new ArgumentException($"StepsPerEpoch must be at least 1 (was {StepsPerEpoch}).", nameof(StepsPerEpoch));
    }
}
