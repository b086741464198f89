namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Thrown when too many optimizer steps in a row had a non-finite loss or gradient (each is skipped without
/// touching the optimizer's state); training has diverged or the data holds NaN/Inf.
/// </summary>
public sealed class NonFiniteStepException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="consecutiveSkips">Steps skipped in a row.</param>
    public NonFiniteStepException(int consecutiveSkips)
        : base($"{consecutiveSkips} optimizer steps in a row had a non-finite loss or gradient and were skipped. " +
               "Training has diverged or the data holds NaN/Inf: lower the learning rate, check the inputs, or raise MaxConsecutiveSkips.")
    {
        ConsecutiveSkips = consecutiveSkips;
    }

    /// <summary>Steps skipped in a row.</summary>
    public int ConsecutiveSkips { get; }
}
