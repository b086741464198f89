using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Optimizers.Methods;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// MoMo-Adam (Schaipp et al.): MoMo's step size on Adam's preconditioned direction d/D with
/// D = √(v/(1 − β2^k)) + ε, always bias-corrected (ρ = 1 − β1^k); τ uses the D⁻¹-norm Σd²/D. Weight decay is
/// the exact prox x ← (x − τd/D)/(1 + αλ) by default, or AdamW-like x·(1 − αλ) − τd/D when
/// <see cref="Divide"/> is false. JSON name <c>"momoAdam"</c>.
/// </summary>
public sealed class MomoAdam : Optimizer
{
    /// <summary>Creates MoMo-Adam with learning rate (cap) 1e-2.</summary>
    public MomoAdam() => LearningRate = 1e-2;

    /// <summary>β1 of the loss, gradient and ⟨g,x⟩ averages, in [0, 1) (default 0.9).</summary>
    public double Beta1 { get; set => field = Check.InRange(value, 0, 1, nameof(Beta1), upperOpen: true); } = 0.9;

    /// <summary>β2 of the second moment, in [0, 1) (default 0.999).</summary>
    public double Beta2 { get; set => field = Check.InRange(value, 0, 1, nameof(Beta2), upperOpen: true); } = 0.999;

    /// <summary>ε added outside the square root, &gt; 0 (default 1e-8).</summary>
    public double Epsilon { get; set => field = Check.Positive(value, nameof(Epsilon)); } = 1e-8;

    /// <summary>Lower bound ℓ of the loss, finite (default 0).</summary>
    public double LowerBound { get; set => field = Check.Finite(value, nameof(LowerBound)); }

    /// <summary>MoMo*: estimate the lower bound online, never below <see cref="LowerBound"/> (default false).</summary>
    public bool AdaptLowerBound { get; set; }

    /// <summary>Exact proximal weight decay (default true); false for the decoupled AdamW-like form.</summary>
    public bool Divide { get; set; } = true;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool RequiresLoss => true;

    internal override double BaseMomentum => Beta1;

    /// <summary>Whether a step after a capped one is taken in one pass (see <see cref="MomoPlanner"/>); tests compare both.</summary>
    internal bool SpeculateCappedSteps { get; set; } = true;

    internal override UpdateRule CreateRule()
        => new MomoPlanner(new MomoSettings(true, true, LowerBound, AdaptLowerBound, Divide, Beta2, Epsilon, WeightDecay), SpeculateCappedSteps);
}
