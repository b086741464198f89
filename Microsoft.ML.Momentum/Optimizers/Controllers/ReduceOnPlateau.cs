using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>Whether a smaller or a larger metric is better.</summary>
public enum MetricGoal
{
    /// <summary>Smaller is better (a loss).</summary>
    Minimize,

    /// <summary>Larger is better (an accuracy).</summary>
    Maximize,
}

/// <summary>
/// Reduce-on-plateau (PyTorch ReduceLROnPlateau, relative threshold): driven by the validation metric that the
/// trainer passes to <c>EndEpoch</c>; after more than <see cref="Patience"/> epochs without a relative improvement
/// of <see cref="Threshold"/>, the learning rate is multiplied by <see cref="Factor"/> (not below
/// <see cref="MinLearningRate"/>), then <see cref="Cooldown"/> epochs pass before counting again. Epochs without
/// a metric are ignored.
/// </summary>
public sealed class ReduceOnPlateau : LearningRateController
{
    /// <summary>Whether the metric is minimised (default) or maximised.</summary>
    public MetricGoal Goal { get; set; } = MetricGoal.Minimize;

    /// <summary>Multiplier at a reduction, in (0, 1) (default 0.1).</summary>
    public double Factor { get; set => field = Check.InRange(value, 0, 1, nameof(Factor), true, true); } = 0.1;

    /// <summary>Epochs without improvement tolerated, ≥ 0 (default 10).</summary>
    public int Patience { get; set => field = Check.AtLeast(value, 0, nameof(Patience)); } = 10;

    /// <summary>Relative improvement that counts, ≥ 0 (default 1e-4).</summary>
    public double Threshold { get; set => field = Check.NonNegative(value, nameof(Threshold)); } = 1e-4;

    /// <summary>Epochs to wait after a reduction, ≥ 0 (default 0).</summary>
    public int Cooldown { get; set => field = Check.AtLeast(value, 0, nameof(Cooldown)); }

    /// <summary>Learning-rate floor, ≥ 0 (default 0).</summary>
    public double MinLearningRate { get; set => field = Check.NonNegative(value, nameof(MinLearningRate)); }

    internal override ControllerState CreateState(double baseLearningRate) => new ReduceOnPlateauState(this, baseLearningRate);
}
