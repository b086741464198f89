namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Thrown when too many optimizer steps in a row had a non-finite loss or gradient (each is skipped without
/// touching the optimizer's state); training has diverged or the data holds NaN/Inf. Thrown by the training loop,
/// it also says at which epoch and step the run stopped and where its last good checkpoint is.
/// </summary>
public sealed class NonFiniteStepException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="consecutiveSkips">Steps skipped in a row.</param>
    public NonFiniteStepException(int consecutiveSkips)
        : base(Describe(consecutiveSkips, where: ""))
    {
        ConsecutiveSkips = consecutiveSkips;
    }

    private NonFiniteStepException(int consecutiveSkips, int epoch, long step, string? checkpointPath)
        : base(Describe(consecutiveSkips, $" (the last at epoch {epoch}, step {step})") + " " +
               (checkpointPath is null ? "No checkpoint was written in this run." : $"The last good checkpoint is '{checkpointPath}'."))
    {
        ConsecutiveSkips = consecutiveSkips;
        Epoch = epoch;
        Step = step;
        CheckpointPath = checkpointPath;
    }

    /// <summary>Steps skipped in a row.</summary>
    public int ConsecutiveSkips { get; }

    /// <summary>The epoch (1-based) in which the run stopped, when the training loop threw this.</summary>
    public int? Epoch { get; }

    /// <summary>The loop's step count (1-based, skipped steps included) at the last skipped step, when the training loop threw this.</summary>
    public long? Step { get; }

    /// <summary>The last checkpoint written or resumed from in this run (weights before the failing steps), or null when none.</summary>
    public string? CheckpointPath { get; }

    /// <summary>This failure with where the run stood.</summary>
    internal NonFiniteStepException At(int epoch, long step, string? checkpointPath) => new(ConsecutiveSkips, epoch, step, checkpointPath);

    private static string Describe(int consecutiveSkips, string where) =>
        $"{consecutiveSkips} optimizer steps in a row had a non-finite loss or gradient and were skipped{where}. " +
        "Training has diverged or the data holds NaN/Inf: lower the learning rate, check the inputs, or raise MaxConsecutiveSkips.";
}
