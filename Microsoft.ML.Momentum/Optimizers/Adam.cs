using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Adam (Kingma and Ba): m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², x ← x − lr·m̂/(√v̂ + ε) with
/// bias-corrected m̂, v̂ and ε outside the square root. Weight decay is coupled (λx added to the gradient, like
/// torch.optim.Adam) unless <see cref="DecoupledWeightDecay"/> (AdamW). β1 follows
/// <see cref="Optimizer.MomentumSchedule"/> when set. JSON name <c>"adam"</c>.
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates Adam with learning rate 1e-3.</summary>
    public Adam() => LearningRate = 1e-3;

    /// <summary>β1 in [0, 1) (default 0.9).</summary>
    public double Beta1 { get; set => field = Check.InRange(value, 0, 1, nameof(Beta1), upperOpen: true); } = 0.9;

    /// <summary>β2 in [0, 1) (default 0.999).</summary>
    public double Beta2 { get; set => field = Check.InRange(value, 0, 1, nameof(Beta2), upperOpen: true); } = 0.999;

    /// <summary>ε added outside the square root, &gt; 0 (default 1e-8).</summary>
    public double Epsilon { get; set => field = Check.Positive(value, nameof(Epsilon)); } = 1e-8;

    /// <summary>How the first moment is kept and normalised (default bias-corrected EMA).</summary>
    public AdamFirstMoment FirstMoment { get; set; } = AdamFirstMoment.Ema;

    /// <summary>Decoupled weight decay x ← (1 − lr·λ)x (AdamW) instead of L2 in the gradient (default false).</summary>
    public bool DecoupledWeightDecay { get; set; }

    internal override double BaseMomentum => Beta1;

    internal override UpdateRule CreateRule() => new AdamRule(FirstMoment, Beta2, Epsilon, WeightDecay, DecoupledWeightDecay);
}
