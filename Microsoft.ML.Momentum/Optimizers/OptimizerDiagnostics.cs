namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>What an optimizer did in its latest step (and its counters), for logging and progress reports.</summary>
public readonly record struct OptimizerDiagnostics
{
    /// <summary>Steps applied so far (skipped steps excluded).</summary>
    public long StepCount { get; init; }

    /// <summary>Epochs ended so far (calls to <c>EndEpoch</c>).</summary>
    public long EpochCount { get; init; }

    /// <summary>Effective learning rate of the latest step: base × schedule × controller factor (MoMo: the cap α).</summary>
    public double LearningRate { get; init; }

    /// <summary>Momentum (SGD) or β1 (Adam, MoMo-Adam) or β (MoMo) of the latest step.</summary>
    public double Momentum { get; init; }

    /// <summary>The step size actually used: MoMo's τ, the learning rate for the other methods.</summary>
    public double StepSize { get; init; }

    /// <summary>MoMo's unclipped Polyak step (h − ℓ)₊/‖d‖²; NaN for other methods.</summary>
    public double PolyakStepSize { get; init; }

    /// <summary>MoMo's lower bound ℓ used in the latest step; NaN for other methods.</summary>
    public double LowerBound { get; init; }

    /// <summary>The learning-rate controller's current multiplier (1 without a controller).</summary>
    public double ControllerFactor { get; init; }

    /// <summary>AutoDrop's latest angular velocity in degrees; NaN before the first one or without AutoDrop.</summary>
    public double AngularVelocity { get; init; }

    /// <summary>Learning-rate drops made by the controller (AutoDrop, reduce-on-plateau).</summary>
    public int DropCount { get; init; }

    /// <summary>Steps skipped because the loss or the gradient was not finite, in total.</summary>
    public long SkippedSteps { get; init; }

    /// <summary>Steps skipped in a row up to now.</summary>
    public int ConsecutiveSkips { get; init; }

    /// <summary>Whether the latest call to <c>Step</c> was skipped.</summary>
    public bool LastStepSkipped { get; init; }
}
