namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// How heavy-ball momentum is written. The three forms give the same trajectory for constant learning rate
/// and momentum (EMA with learning rate α equals PyTorch form with α(1 − β)), but differ when either is
/// scheduled: a learning-rate drop acts at once in the Sutskever form and only through new gradients in the
/// PyTorch form.
/// </summary>
public enum MomentumForm
{
    /// <summary>PyTorch buffer form (default): b ← β·b + g (b = g at the first step), x ← x − lr·b.</summary>
    PyTorch,

    /// <summary>Sutskever velocity form (Keras, Demon's paper): v ← β·v − lr·g, x ← x + v (v = 0 initially).</summary>
    Sutskever,

    /// <summary>Dampened EMA form (MoMo, Adam): d ← β·d + (1 − β)·g (d = g at the first step), x ← x − lr·d.</summary>
    Ema,
}
