using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Progress;

/// <summary>
/// Shows a run's progress: <see cref="Run{T}"/> hands the work a callback for the trainer's progress reports
/// (step reports update the display, epoch ends print a line) and returns the work's result.
/// </summary>
internal interface IProgressDisplay
{
    T Run<T>(string title, Func<Action<TrainingProgress>, T> work);

    /// <summary>An informational line (above the bar when one is shown).</summary>
    void Message(string line);
}
