namespace Microsoft.ML.Momentum.Training;

/// <summary>One finished epoch of a run.</summary>
public sealed record EpochSummary
{
    /// <summary>Epoch number, 1-based.</summary>
    public required int Epoch { get; init; }

    /// <summary>Optimizer steps taken by the end of this epoch.</summary>
    public required long Step { get; init; }

    /// <summary>Mean training loss over the epoch.</summary>
    public required double TrainLoss { get; init; }

    /// <summary>Training accuracy over the epoch (in training mode, while the weights moved).</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Validation accuracy; NaN without validation data.</summary>
    public double ValidationAccuracy { get; init; } = double.NaN;

    /// <summary>Validation log-loss; NaN without validation data.</summary>
    public double ValidationLoss { get; init; } = double.NaN;

    /// <summary>Validation macro-F1; NaN without validation data.</summary>
    public double ValidationMacroF1 { get; init; } = double.NaN;

    /// <summary>Learning rate at the end of the epoch.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Training time of the epoch in seconds (this process).</summary>
    public required double Seconds { get; init; }
}
