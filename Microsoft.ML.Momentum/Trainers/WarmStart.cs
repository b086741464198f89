namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// Where a warm-started run begins: the previous model's network (architecture and weights), its input
/// preprocessing (image size and normalization, or the text featurizer) and class order, and, when asked,
/// the optimizer state that model kept.
/// </summary>
/// <param name="Previous">The model to continue from (it is not changed; the run trains a copy of its weights).</param>
/// <param name="ContinueOptimizerState">Continue the optimizer from <see cref="ClassificationModel.OptimizerState"/> instead of starting it afresh.</param>
internal sealed record WarmStart(ClassificationModel Previous, bool ContinueOptimizerState)
{
    /// <summary>The previous optimizer state to continue, or null to start the optimizer afresh.</summary>
    /// <exception cref="InvalidOperationException">The optimizer state was asked for but the previous model kept none.</exception>
    public OptimizerSnapshot? OptimizerState => !ContinueOptimizerState ? null : Previous.OptimizerState
        ?? throw new InvalidOperationException(
            "ContinueOptimizerState is set, but the previous model kept no optimizer state; train it with Trainer.KeepOptimizerState = true, " +
            "or leave ContinueOptimizerState off to continue from its weights with a fresh optimizer.");
}

/// <summary>An optimizer's state at the end of a run, kept in memory with the model it trained.</summary>
/// <param name="State">What <c>Optimizer.SaveState</c> wrote (moments, step count, controller state).</param>
/// <param name="Steps">The optimizer steps taken so far, the offset a continued run's schedules start from.</param>
internal sealed record OptimizerSnapshot(byte[] State, long Steps)
{
    /// <summary>The state of <paramref name="optimizer"/> after its last step.</summary>
    public static OptimizerSnapshot Of(Optimizers.Optimizer optimizer)
    {
        using var buffer = new MemoryStream();
        optimizer.SaveState(buffer);
        return new OptimizerSnapshot(buffer.ToArray(), optimizer.StepCount);
    }
}
