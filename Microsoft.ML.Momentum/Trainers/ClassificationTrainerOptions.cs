using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// The options every classification trainer shares, with ML.NET's names: columns, batch size, epochs, the
/// optimizer and its learning rate, schedule and weight decay, validation, early stopping, progress, seed,
/// device and checkpoints. The image and text trainers' <c>Options</c> derive from this class.
/// </summary>
public abstract class ClassificationTrainerOptions
{
    /// <summary>Column holding the label, for tabular sources (default "Label").</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Examples per minibatch (at least 1).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Passes over the training data (at least 1; default 10).</summary>
    public int MaxEpoch { get; set; } = 10;

    /// <summary>
    /// The optimizer: any of <see cref="Sgd"/>, <see cref="SgdMomentum"/>, <see cref="DemonSgd"/>, <see cref="Adam"/>,
    /// <see cref="AdamW"/>, <see cref="DemonAdam"/>, <see cref="Momo"/>, <see cref="MomoAdam"/>, optionally with an
    /// AutoDrop or reduce-on-plateau controller. Null uses the trainer's default. The trainer trains a copy, so
    /// one options object can be fitted many times.
    /// </summary>
    public Optimizer? Optimizer { get; set; }

    /// <summary>Overrides the optimizer's learning rate (MoMo's cap) when set.</summary>
    public double? LearningRate { get; set; }

    /// <summary>Overrides the optimizer's learning-rate schedule when set (e.g. <see cref="CosineSchedule"/>).</summary>
    public Schedule? LearningRateSchedule { get; set; }

    /// <summary>Overrides the optimizer's weight decay when set.</summary>
    public double? WeightDecay { get; set; }

    /// <summary>
    /// Fraction of the training data held out for validation when no validation set is given, stratified by
    /// class (default 0.1; 0 trains on everything and skips validation unless a validation set is given).
    /// </summary>
    public double ValidationSetFraction { get; set; } = 0.1;

    /// <summary>Stop when a validation metric stops improving (and restore the best weights); null trains every epoch.</summary>
    public EarlyStoppingCriteria? EarlyStoppingCriteria { get; set; }

    /// <summary>Receives progress every <see cref="LogEveryNSteps"/> steps and at each epoch end, with validation metrics.</summary>
    public Action<TrainingProgress>? MetricsCallback { get; set; }

    /// <summary>Optimizer steps between step reports (default 50).</summary>
    public int LogEveryNSteps { get; set; } = 50;

    /// <summary>Seed of initialisation, shuffling, splitting, augmentation and dropout (default: the context's seed, else 1).</summary>
    public int? Seed { get; set; }

    /// <summary>Where to train: null picks the first CUDA GPU when libtorch has one, else the CPU.</summary>
    public ComputeDevice? Device { get; set; }

    /// <summary>CPU threads for libtorch and the optimizer (default: all cores).</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>
    /// Folder for the checkpoint (<c>checkpoint.zip</c>), written every <see cref="CheckpointEveryNEpochs"/> epochs
    /// and when training is cancelled; null (the default) writes none.
    /// </summary>
    public string? WorkspacePath { get; set; }

    /// <summary>Epochs between checkpoints (default 1).</summary>
    public int CheckpointEveryNEpochs { get; set; } = 1;

    /// <summary>Continue from the checkpoint in <see cref="WorkspacePath"/> when one from the same run exists (default false: start afresh).</summary>
    public bool ResumeFromCheckpoint { get; set; }

    /// <summary>
    /// Keep the optimizer's final state (moments, step count) in the trained model, in memory, so that a warm start
    /// from it can continue the optimizer as well as the weights (default false: the state costs up to two copies of
    /// the weights). It is not written by the model's <c>Save</c>.
    /// </summary>
    public bool KeepOptimizerState { get; set; }

    /// <summary>The file checkpoints go to, or null.</summary>
    public string? CheckpointPath => WorkspacePath is null ? null : Path.Combine(WorkspacePath, "checkpoint.zip");

    /// <summary>A shallow copy (nested objects shared), for callers that adjust a few settings of one run without changing the caller's options.</summary>
    internal TOptions ShallowCopy<TOptions>() where TOptions : ClassificationTrainerOptions => (TOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(LabelColumnName), nameof(LabelColumnName), "must name a column");
        Require(BatchSize >= 1, nameof(BatchSize), $"must be at least 1; got {BatchSize}");
        Require(MaxEpoch >= 1, nameof(MaxEpoch), $"must be at least 1; got {MaxEpoch}");
        Require(LearningRate is null or >= 0 && double.IsFinite(LearningRate ?? 0), nameof(LearningRate), $"must be finite and not negative; got {LearningRate}");
        Require(WeightDecay is null or >= 0 && double.IsFinite(WeightDecay ?? 0), nameof(WeightDecay), $"must be finite and not negative; got {WeightDecay}");
        Require(ValidationSetFraction is >= 0 and < 1, nameof(ValidationSetFraction), $"must be in [0, 1); got {ValidationSetFraction}");
        Require(LogEveryNSteps >= 1, nameof(LogEveryNSteps), $"must be at least 1; got {LogEveryNSteps}");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), $"must be at least 1; got {NumberOfThreads}");
        Require(CheckpointEveryNEpochs >= 1, nameof(CheckpointEveryNEpochs), $"must be at least 1; got {CheckpointEveryNEpochs}");
        Require(!ResumeFromCheckpoint || WorkspacePath is not null, nameof(ResumeFromCheckpoint), "needs WorkspacePath (where the checkpoint is)");
        if (EarlyStoppingCriteria is { } stopping)
        {
            Require(stopping.Patience >= 1, "EarlyStoppingCriteria.Patience", $"must be at least 1; got {stopping.Patience}");
            Require(stopping.MinDelta >= 0, "EarlyStoppingCriteria.MinDelta", $"must be 0 or more; got {stopping.MinDelta}");
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> "Option 'name' message." when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">What must hold.</param>
    /// <param name="option">The option's name.</param>
    /// <param name="message">What is wrong.</param>
    protected static void Require(bool condition, string option, string message)
    {
        if (!condition) throw new ArgumentException($"Option '{option}' {message}.", option);
    }
}
