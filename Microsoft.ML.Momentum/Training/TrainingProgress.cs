using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Training;

/// <summary>When a <see cref="TrainingProgress"/> report is made.</summary>
public enum TrainingPhase
{
    /// <summary>During an epoch, every few optimizer steps.</summary>
    Step,
    /// <summary>At the end of an epoch, with validation metrics when there is validation data.</summary>
    EpochEnd,
}

/// <summary>A progress report of a running <c>Fit</c> (the options' <c>MetricsCallback</c> receives these).</summary>
public sealed record TrainingProgress
{
    /// <summary>Step or end-of-epoch report.</summary>
    public required TrainingPhase Phase { get; init; }

    /// <summary>Current epoch, 1-based.</summary>
    public required int Epoch { get; init; }

    /// <summary>Epochs planned.</summary>
    public required int MaxEpoch { get; init; }

    /// <summary>Optimizer steps taken since the run began.</summary>
    public required long Step { get; init; }

    /// <summary>Optimizer steps in the whole run.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Loss of the latest minibatch.</summary>
    public required double Loss { get; init; }

    /// <summary>Mean training loss over the epoch so far.</summary>
    public required double EpochLoss { get; init; }

    /// <summary>Training accuracy over the epoch so far.</summary>
    public required double EpochAccuracy { get; init; }

    /// <summary>The optimizer's learning rate, momentum, MoMo step size and bound, AutoDrop velocity.</summary>
    public required OptimizerDiagnostics Optimizer { get; init; }

    /// <summary>Training examples per second over the epoch so far.</summary>
    public required double SamplesPerSecond { get; init; }

    /// <summary>Time since the run began (this process).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Validation metrics (end-of-epoch reports with validation data only).</summary>
    public ClassificationMetrics? Validation { get; init; }
}
