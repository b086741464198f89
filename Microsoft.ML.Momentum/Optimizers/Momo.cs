using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Optimizers.Methods;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// MoMo (Schaipp et al., ICML 2024): EMA momentum d with an adaptive step size from a model of the loss
/// truncated at the lower bound ℓ: τ = min(α/ρ, [(1+αλ)(f̄ − ρℓ − γ) + ⟨d,x⟩]₊ / ‖d‖²), then
/// x ← (x − τd)/(1 + αλ) (exact proximal weight decay). The learning rate α is only a cap: α = 1 is comparable
/// to PyTorch SGD lr 0.1 with momentum 0.9. Needs the minibatch's unscaled loss. JSON name <c>"momo"</c>.
/// </summary>
public sealed class Momo : Optimizer
{
    /// <summary>Creates MoMo with learning rate (cap) 1.</summary>
    public Momo() => LearningRate = 1.0;

    /// <summary>β of the loss, gradient and ⟨g,x⟩ averages, in [0, 1) (default 0.9); β = 0 is the capped Polyak step.</summary>
    public double Beta { get; set => field = Check.InRange(value, 0, 1, nameof(Beta), upperOpen: true); } = 0.9;

    /// <summary>Lower bound ℓ of the loss, finite (default 0; use a negative value for losses that go below 0).</summary>
    public double LowerBound { get; set => field = Check.Finite(value, nameof(LowerBound)); }

    /// <summary>Bias-corrected averages from zero with cap α/ρ, ρ = 1 − β^k (default false: first-value initialisation).</summary>
    public bool BiasCorrection { get; set; }

    /// <summary>MoMo*: estimate the lower bound online, never below <see cref="LowerBound"/> (default false).</summary>
    public bool AdaptLowerBound { get; set; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool RequiresLoss => true;

    internal override double BaseMomentum => Beta;

    /// <summary>Whether a step after a capped one is taken in one pass (see <see cref="MomoPlanner"/>); tests compare both.</summary>
    internal bool SpeculateCappedSteps { get; set; } = true;

    internal override UpdateRule CreateRule()
        => new MomoPlanner(new MomoSettings(false, BiasCorrection, LowerBound, AdaptLowerBound, true, 0, 0, WeightDecay), SpeculateCappedSteps);
}
