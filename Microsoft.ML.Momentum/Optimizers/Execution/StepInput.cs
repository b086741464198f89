namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>What an update rule receives for one step.</summary>
/// <param name="X">Parameters (updated in place).</param>
/// <param name="G">Gradient.</param>
/// <param name="Accumulate">Vector that receives += x after the update (AutoDrop), or none.</param>
/// <param name="StepIndex">Steps applied before this one (0 at the first step).</param>
/// <param name="LearningRate">Effective learning rate α_t (schedule and controller applied).</param>
/// <param name="Momentum">Momentum / β1 for this step (schedule applied).</param>
/// <param name="Loss">The minibatch loss (finite).</param>
internal readonly record struct StepInput(Vec X, Vec G, Vec Accumulate, long StepIndex, double LearningRate, double Momentum, double Loss);

/// <summary>What an update rule reports about the step it took.</summary>
internal struct StepReport
{
    /// <summary>The step size actually used (τ for MoMo, the learning rate otherwise).</summary>
    public double StepSize;

    /// <summary>MoMo's unclipped Polyak step (h − ℓ)₊/‖d‖² (NaN for other methods).</summary>
    public double PolyakStepSize;

    /// <summary>MoMo's lower bound ℓ used in this step (NaN for other methods).</summary>
    public double LowerBound;
}
