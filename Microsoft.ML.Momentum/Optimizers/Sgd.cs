using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Plain stochastic gradient descent: x ← x − lr·(g + λx), or with decoupled weight decay
/// x ← (1 − lr·λ)x − lr·g. JSON name <c>"sgd"</c>.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Apply weight decay as a separate shrinkage (1 − lr·λ) instead of adding λx to the gradient (default false).</summary>
    public bool DecoupledWeightDecay { get; set; }

    internal override double BaseMomentum => 0;

    internal override UpdateRule CreateRule() => new SgdRule(WeightDecay, DecoupledWeightDecay);
}
