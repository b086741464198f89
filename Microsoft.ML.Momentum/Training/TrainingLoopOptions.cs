namespace Microsoft.ML.Momentum.Training;

/// <summary>Settings of the shared training loop (the trainers fill these from their ML.NET-style Options).</summary>
public sealed record TrainingLoopOptions
{
    /// <summary>Examples per minibatch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Epochs to train.</summary>
    public int MaxEpoch { get; init; } = 10;

    /// <summary>Seed of the shuffling and augmentation (libtorch is seeded by the trainer).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Shuffle the training data every epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Apply the source's augmentation to training batches.</summary>
    public bool Augment { get; init; }

    /// <summary>Early stopping on the validation set; null to train all epochs.</summary>
    public EarlyStoppingCriteria? EarlyStopping { get; init; }

    /// <summary>Progress reports (every <see cref="LogEveryNSteps"/> steps and at each epoch end).</summary>
    public Action<TrainingProgress>? MetricsCallback { get; init; }

    /// <summary>Steps between step reports (default 50).</summary>
    public int LogEveryNSteps { get; init; } = 50;

    /// <summary>Checkpoint file; null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Write a checkpoint every this many epochs (default 1) and on cancellation.</summary>
    public int CheckpointEveryNEpochs { get; init; } = 1;

    /// <summary>Continue from <see cref="CheckpointPath"/> when that file exists.</summary>
    public bool ResumeFromCheckpoint { get; init; }

    /// <summary>Optimizer state to start from (a warm start's previous run), or null for a fresh optimizer; a resumed checkpoint takes precedence.</summary>
    public byte[]? InitialOptimizerState { get; init; }

    /// <summary>Optimizer steps taken before this run (with <see cref="InitialOptimizerState"/>): the schedules' horizon is extended by them.</summary>
    public long PriorOptimizerSteps { get; init; }
}
