using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// The older per-epoch AutoDrop of the authors' 2021 code: after the first step of every epoch the parameters
/// are snapshotted; ω_e is the angle between the last two displacements of the snapshots; once
/// |ω_e − ω_{e−1}| &lt; θ (latched), the learning rate drops by <see cref="Factor"/> after
/// <see cref="ExtraEpochs"/> more epochs, θ grows to min(θ_max, θ/ρ) and, with <see cref="WeightAveraging"/>,
/// the parameters are replaced by the linearly weighted average of the snapshots taken while latched
/// (a running weighted sum, not a history). Defaults are those of the paper's CIFAR scripts.
/// </summary>
public sealed class AutoDropPerEpoch : LearningRateController
{
    /// <summary>Drop factor ρ, in (0, 1) (default 0.2; the ImageNet script uses 0.1).</summary>
    public double Factor { get; set => field = Check.InRange(value, 0, 1, nameof(Factor), true, true); } = 0.2;

    /// <summary>Initial threshold θ₀ in degrees, &gt; 0 (default 0.01°).</summary>
    public double ThresholdDegrees { get; set => field = Check.Positive(value, nameof(ThresholdDegrees)); } = 0.01;

    /// <summary>Upper limit θ_max of the growing threshold in degrees, &gt; 0 (default 1°).</summary>
    public double MaxThresholdDegrees { get; set => field = Check.Positive(value, nameof(MaxThresholdDegrees)); } = 1.0;

    /// <summary>Grow θ to min(θ_max, θ/ρ) after each drop (default true).</summary>
    public bool AdaptiveThreshold { get; set; } = true;

    /// <summary>Epochs between the trigger and the drop, ≥ 1 (default 20).</summary>
    public int ExtraEpochs { get; set => field = Check.AtLeast(value, 1, nameof(ExtraEpochs)); } = 20;

    /// <summary>Learning-rate floor, ≥ 0 (default 1e-4).</summary>
    public double MinLearningRate { get; set => field = Check.NonNegative(value, nameof(MinLearningRate)); } = 1e-4;

    /// <summary>Replace the parameters by the weighted average of the latched snapshots at a drop (default true, "var_rd").</summary>
    public bool WeightAveraging { get; set; } = true;

    internal override ControllerState CreateState(double baseLearningRate) => new AutoDropPerEpochState(this, baseLearningRate);
}
