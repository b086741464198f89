namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>How Adam keeps and normalises its first moment m, which matters once β1 is scheduled (Demon, OneCycle).</summary>
public enum AdamFirstMoment
{
    /// <summary>
    /// EMA m ← β1·m + (1 − β1)·g, bias-corrected by 1 − Π β1 over the steps taken (the exact normaliser for a
    /// time-varying β1; equal to Adam's 1 − β1^k when β1 is constant). Default for Adam.
    /// </summary>
    Ema,

    /// <summary>EMA corrected by 1 − β1,t^k with the current β1 (what PyTorch, TorchSharp and the Demon ports do).</summary>
    EmaPower,

    /// <summary>
    /// Demon paper's sum form m ← g + β1·m without bias correction of m. Default for DemonAdam. Its update is
    /// about 1/(1 − β1) times larger than Adam's early on, so use a learning rate about (1 − β1) times Adam's.
    /// </summary>
    Sum,
}
