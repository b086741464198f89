namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// An optimizer over one flat float32 parameter vector, updated in place from one flat gradient vector and
/// the minibatch loss (used by loss-aware methods such as MoMo, ignored by the others).
/// </summary>
public interface IOptimizer
{
    /// <summary>Number of steps taken so far.</summary>
    long StepCount { get; }

    /// <summary>Applies one update to <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">The minibatch gradient, same length as <paramref name="parameters"/>.</param>
    /// <param name="loss">The same minibatch's unscaled loss.</param>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double loss);
}
