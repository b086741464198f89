using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// AutoDrop (Wang, Teng, Choromanska, UAI 2024, Algorithm 1): drops the learning rate by <see cref="Factor"/>
/// when the angular velocity of the parameters' trajectory stops rising. Every <see cref="Window"/> steps the
/// mean of the parameters over the window is formed; ω is the angle in degrees between successive
/// displacements of these means, computed in double; ω values are Gaussian-smoothed over a buffer of
/// <see cref="MinBuffer"/> values and the learning rate drops (down to <see cref="MinLearningRate"/>) when the
/// smoothed ω rose by less than <see cref="ThresholdDegrees"/>; the buffer then resets. Memory: a running sum
/// and two parameter-sized vectors (previous mean, previous displacement). The running sum is fused into the
/// optimizer's update kernel.
/// </summary>
public sealed class AutoDrop : LearningRateController
{
    /// <summary>Window k in optimizer steps, ≥ 1 (default 64; the paper uses 64 for CIFAR and 640 for ImageNet; scale with dataset size).</summary>
    public int Window { get; set => field = Check.AtLeast(value, 1, nameof(Window)); } = 64;

    /// <summary>Drop factor ρ, in (0, 1) (default 0.95: many small drops).</summary>
    public double Factor { get; set => field = Check.InRange(value, 0, 1, nameof(Factor), true, true); } = 0.95;

    /// <summary>Learning-rate floor α_min, ≥ 0 (default 1e-4, the official scripts' floor; the paper gives none).</summary>
    public double MinLearningRate { get; set => field = Check.NonNegative(value, nameof(MinLearningRate)); } = 1e-4;

    /// <summary>Smoothing width m (σ = min(std, m/2)), ≥ 1 (default 10).</summary>
    public int SmoothingWidth { get; set => field = Check.AtLeast(value, 1, nameof(SmoothingWidth)); } = 10;

    /// <summary>ω values needed before the first decision, ≥ 2 (default 10).</summary>
    public int MinBuffer { get; set => field = Check.AtLeast(value, 2, nameof(MinBuffer)); } = 10;

    /// <summary>Drop when the smoothed ω rose by less than this many degrees (signed), finite (default 0.1°).</summary>
    public double ThresholdDegrees { get; set => field = Check.Finite(value, nameof(ThresholdDegrees)); } = 0.1;

    /// <summary>Maximum number of drops, ≥ 0; null (default) for no limit.</summary>
    public int? MaxDrops { get; set => field = value is { } v ? Check.AtLeast(v, 0, nameof(MaxDrops)) : null; }

    /// <summary>Wraps <paramref name="optimizer"/>'s configuration with this controller (a copy; the argument is not changed).</summary>
    /// <param name="optimizer">Any optimizer configuration.</param>
    public Optimizer Over(Optimizer optimizer) => Check.NotNull(optimizer).WithController(this);

    internal override ControllerState CreateState(double baseLearningRate) => new AutoDropState(this, baseLearningRate);
}
