namespace Microsoft.ML.Momentum.Training;

/// <summary>How a run went: one summary per epoch, the best epoch, and whether early stopping ended it.</summary>
public sealed record TrainingResult
{
    /// <summary>Per-epoch summaries, in order (including epochs replayed from a checkpoint).</summary>
    public required IReadOnlyList<EpochSummary> History { get; init; }

    /// <summary>The epoch whose weights the model holds (the best one when best weights were restored).</summary>
    public required int SelectedEpoch { get; init; }

    /// <summary>True when early stopping ended the run before MaxEpoch.</summary>
    public required bool StoppedEarly { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public required long Steps { get; init; }
}
