using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

/// <summary>
/// What the options of the ML.NET classification estimators share: the label, score and predicted-label columns,
/// the validation data, and the training settings, which are the trainer's own options with their defaults.
/// </summary>
/// <typeparam name="TTrainerOptions">The trainer's options (<see cref="ImageClassificationTrainer.Options"/> or <see cref="TextClassificationTrainer.Options"/>).</typeparam>
public abstract class MomentumClassificationOptions<TTrainerOptions>
    where TTrainerOptions : ClassificationTrainerOptions, new()
{
    private protected MomentumClassificationOptions()
    {
    }

    /// <summary>The key-typed label column, as <c>MapValueToKey</c> makes it (default "Label").</summary>
    public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

    /// <summary>The output column of class probabilities (default "Score").</summary>
    public string ScoreColumnName { get; set; } = DefaultColumnNames.Score;

    /// <summary>The output column of the predicted label key (default "PredictedLabel").</summary>
    public string PredictedLabelColumnName { get; set; } = DefaultColumnNames.PredictedLabel;

    /// <summary>
    /// Data evaluated after every epoch, with the same columns and label key as the training data; when null,
    /// <see cref="ClassificationTrainerOptions.ValidationSetFraction"/> of the training data is held out.
    /// </summary>
    public IDataView? ValidationSet { get; set; }

    /// <summary>
    /// In a warm start (<c>Fit(newData, previousModel)</c>), continue the previous run's optimizer state (moments, step
    /// count, schedules) as well as its weights. The previous model must have been trained with
    /// <c>Trainer.KeepOptimizerState = true</c> and the same optimizer. Default false: the weights are continued and the
    /// optimizer starts afresh, with its full schedule over this run.
    /// </summary>
    public bool ContinueOptimizerState { get; set; }

    /// <summary>
    /// Stops <c>Fit</c> between optimizer steps with an <see cref="OperationCanceledException"/>; with
    /// <c>Trainer.WorkspacePath</c> set a checkpoint is written first, which a later <c>Fit</c> with
    /// <c>Trainer.ResumeFromCheckpoint</c> continues exactly (default: never cancelled).
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// The training settings (optimizer, epochs, batch size, learning rate, network, seed, device…). Their column names
    /// and <c>ValidationSet</c> belong to the trainer's own data sources and are not read here: this class's columns
    /// and <see cref="ValidationSet"/> take their place. A seed left unset is drawn from the <c>MLContext</c>, so
    /// <c>new MLContext(seed)</c> makes runs repeatable.
    /// </summary>
    public TTrainerOptions Trainer { get; set; } = new();

    /// <summary>The image or text column.</summary>
    private protected abstract string FeatureColumnName { get; }

    /// <summary>True when the trainer options name a validation source of their own, which a pipeline does not read.</summary>
    private protected abstract bool HasTrainerValidationSet { get; }

    internal ClassifierColumnNames Columns => new(LabelColumnName, FeatureColumnName, ScoreColumnName, PredictedLabelColumnName);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        if (Trainer is null) throw new ArgumentException("Option 'Trainer' must be set.", nameof(Trainer));
        Trainer.Validate();
        if (HasTrainerValidationSet)
        {
            throw new ArgumentException("Option 'Trainer.ValidationSet' is not read in an ML.NET pipeline; set Options.ValidationSet to an IDataView instead.", nameof(Trainer));
        }
        Columns.Validate();
    }
}
