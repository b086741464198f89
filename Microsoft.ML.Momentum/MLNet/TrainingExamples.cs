using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum;

/// <summary>What an estimator hands its trainer: the labelled examples read from the data views, the seed and where per-epoch progress goes.</summary>
/// <typeparam name="TItem">What the model learns from.</typeparam>
/// <param name="Train">Training examples: class name (the label key's value) and input.</param>
/// <param name="Validation">Validation examples, or null to let the trainer hold some out.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="EpochEnded">Receives each end-of-epoch report (for <c>mlContext.Log</c>).</param>
internal sealed record TrainingExamples<TItem>(
    IReadOnlyList<(string Label, TItem Item)> Train,
    IReadOnlyList<(string Label, TItem Item)>? Validation,
    int Seed,
    Action<TrainingProgress> EpochEnded)
{
    /// <summary>
    /// A copy of <paramref name="options"/> for this run: the run's seed, and the progress callback extended to
    /// report each epoch's end to <see cref="EpochEnded"/> (the user's callback still receives everything).
    /// </summary>
    public TOptions Configure<TOptions>(TOptions options) where TOptions : ClassificationTrainerOptions
    {
        var copy = options.ShallowCopy<TOptions>();
        copy.Seed = Seed;
        var user = options.MetricsCallback;
        copy.MetricsCallback = progress =>
        {
            user?.Invoke(progress);
            if (progress.Phase == TrainingPhase.EpochEnd) EpochEnded(progress);
        };
        return copy;
    }
}
