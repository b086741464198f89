namespace Microsoft.ML.Momentum.Training;

/// <summary>What an optimizer reports after a step, for progress callbacks, logs and reports.</summary>
public sealed record OptimizerDiagnostics
{
    /// <summary>Effective learning rate (after schedules and AutoDrop).</summary>
    public double LearningRate { get; init; }

    /// <summary>Momentum or Adam's β1 in force (Demon's β_t, OneCycle's cycled value); NaN when not applicable.</summary>
    public double Momentum { get; init; } = double.NaN;

    /// <summary>MoMo's step size τ; NaN for other methods.</summary>
    public double StepSize { get; init; } = double.NaN;

    /// <summary>MoMo's lower bound of the loss; NaN for other methods.</summary>
    public double LowerBound { get; init; } = double.NaN;

    /// <summary>AutoDrop's latest angular velocity in degrees; NaN when none.</summary>
    public double AngularVelocity { get; init; } = double.NaN;

    /// <summary>Learning-rate drops made by AutoDrop (or reduce-on-plateau) so far.</summary>
    public int LearningRateDrops { get; init; }

    /// <summary>Steps skipped because the loss or gradient was not finite.</summary>
    public long SkippedSteps { get; init; }
}
