namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Stops training when a validation metric has not improved by at least <see cref="MinDelta"/> for
/// <see cref="Patience"/> epochs in a row (ML.NET Vision's EarlyStopping, plus restoring the best weights).
/// </summary>
public sealed record EarlyStoppingCriteria
{
    /// <summary>The watched metric (default accuracy).</summary>
    public ClassificationMetric Metric { get; init; } = ClassificationMetric.Accuracy;

    /// <summary>Epochs without improvement before stopping (default 5, at least 1).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Smallest change that counts as an improvement (default 0.001, not negative).</summary>
    public double MinDelta { get; init; } = 0.001;

    /// <summary>Whether the model returned is the one from the best epoch (default true).</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>True when larger values of <see cref="Metric"/> are better.</summary>
    public bool HigherIsBetter => Metric != ClassificationMetric.LogLoss;

    /// <summary>Whether <paramref name="candidate"/> improves on <paramref name="best"/> by at least <see cref="MinDelta"/>.</summary>
    /// <param name="candidate">The new value.</param>
    /// <param name="best">The best value so far (null: none yet).</param>
    public bool Improves(double candidate, double? best) =>
        best is not { } b || (HigherIsBetter ? candidate > b + MinDelta : candidate < b - MinDelta);

    internal void Validate()
    {
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "EarlyStoppingCriteria.Patience must be at least 1.");
        if (!(MinDelta >= 0)) throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "EarlyStoppingCriteria.MinDelta must be 0 or more.");
    }
}
