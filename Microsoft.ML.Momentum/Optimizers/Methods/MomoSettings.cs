namespace Microsoft.ML.Momentum.Optimizers.Methods;

/// <summary>MoMo's hyper-parameters as its math reads them (from <see cref="Momo"/> or <see cref="MomoAdam"/>).</summary>
/// <param name="Adam">MoMo-Adam: the direction d/D with Adam's second moment, and the D⁻¹-norm in τ.</param>
/// <param name="BiasCorrection">Averages from zero with ρ_k = 1 − β^k (always on for MoMo-Adam); else first-value initialisation, ρ ≡ 1.</param>
/// <param name="LowerBound">The user's lower bound ℓ₀ (also MoMo*'s floor).</param>
/// <param name="AdaptLowerBound">MoMo*: the online lower bound.</param>
/// <param name="Divide">MoMo-Adam's exact prox x ← (x − τd/D)/(1 + αλ); false for the AdamW-like x(1 − αλ) − τd/D.</param>
/// <param name="Beta2">MoMo-Adam's β2.</param>
/// <param name="Epsilon">MoMo-Adam's ε.</param>
/// <param name="WeightDecay">λ.</param>
internal readonly record struct MomoSettings(
    bool Adam, bool BiasCorrection, double LowerBound, bool AdaptLowerBound, bool Divide, double Beta2, double Epsilon, double WeightDecay)
{
    /// <summary>Whether the averages start from zero and are divided by ρ_k = 1 − β^k.</summary>
    public bool BiasCorrected => Adam || BiasCorrection;
}
