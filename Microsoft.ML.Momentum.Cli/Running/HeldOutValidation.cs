using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// Forwards progress and keeps each epoch's validation metrics, so that a run validated on a held-out
/// fraction of its training data reports the metrics of the epoch whose weights the model keeps.
/// </summary>
internal sealed class HeldOutValidation(Action<TrainingProgress> next)
{
    private readonly Dictionary<int, ClassificationMetrics> _byEpoch = [];

    public void Observe(TrainingProgress progress)
    {
        if (progress is { Phase: TrainingPhase.EpochEnd, Validation: { } metrics }) _byEpoch[progress.Epoch] = metrics;
        next(progress);
    }

    /// <summary>The validation metrics of <paramref name="epoch"/>, or null when that epoch was not validated in this process.</summary>
    public ClassificationMetrics? MetricsOf(int epoch) => _byEpoch.GetValueOrDefault(epoch);
}
