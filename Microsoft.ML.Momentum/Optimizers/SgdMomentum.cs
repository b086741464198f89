using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// SGD with heavy-ball momentum, by default in PyTorch's buffer form: b ← β·b + g (b = g at the first step),
/// x ← x − lr·b. <see cref="Form"/> selects the Sutskever or dampened (EMA) form, <see cref="Nesterov"/> the
/// look-ahead variant, <see cref="Optimizer.MomentumSchedule"/> a momentum schedule (Demon, decays, off-after-N,
/// OneCycle). JSON name <c>"sgdMomentum"</c>.
/// </summary>
public class SgdMomentum : Optimizer
{
    /// <summary>Momentum β in [0, 1) (default 0.9).</summary>
    public double Momentum { get; set => field = Check.InRange(value, 0, 1, nameof(Momentum), upperOpen: true); } = 0.9;

    /// <summary>How momentum is written (default PyTorch's buffer form).</summary>
    public MomentumForm Form { get; set; } = MomentumForm.PyTorch;

    /// <summary>Use Nesterov's look-ahead (default false).</summary>
    public bool Nesterov { get; set; }

    /// <summary>Apply weight decay as a separate shrinkage (1 − lr·λ) instead of adding λx to the gradient (default false).</summary>
    public bool DecoupledWeightDecay { get; set; }

    internal override double BaseMomentum => Momentum;

    internal override UpdateRule CreateRule() => new MomentumRule(Form, Nesterov, WeightDecay, DecoupledWeightDecay);
}
