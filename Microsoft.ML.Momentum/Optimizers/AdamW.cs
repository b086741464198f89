namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter): <see cref="Adam"/> with decoupled weight decay x ← (1 − lr·λ)x, default
/// λ = 0.01 as in torch.optim.AdamW. JSON name <c>"adamW"</c>.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates AdamW with learning rate 1e-3 and weight decay 0.01.</summary>
    public AdamW()
    {
        WeightDecay = 0.01;
        DecoupledWeightDecay = true;
    }
}
