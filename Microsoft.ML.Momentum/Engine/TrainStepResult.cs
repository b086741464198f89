namespace Microsoft.ML.Momentum.Engine;

/// <summary>What one training step reports.</summary>
/// <param name="Loss">Mean cross-entropy of the minibatch (before the update).</param>
/// <param name="Correct">Number of examples in the minibatch whose arg-max logit was the label.</param>
internal readonly record struct TrainStepResult(double Loss, long Correct);
