using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

public sealed partial class MomentumTextClassificationTrainer
{
    /// <summary>
    /// Options of the ML.NET text classification estimator: the pipeline's columns and validation data, and the
    /// training settings, which are the text trainer's own options (<see cref="Trainer"/>: optimizer, epochs, batch
    /// size, learning rate, network, tokenizer, vocabulary, n-grams, seed, device…) with their defaults.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The key-typed label column, as <c>MapValueToKey</c> makes it (default "Label").</summary>
        public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

        /// <summary>The text column (default "Text").</summary>
        public string TextColumnName { get; set; } = DefaultColumnNames.Text;

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
        /// The training settings. Their column names and <c>ValidationSet</c> are for the text trainer's own data sources
        /// and are not read here: the columns above and <see cref="ValidationSet"/> take their place. A seed left unset
        /// is drawn from the <c>MLContext</c>, so <c>new MLContext(seed)</c> makes runs repeatable.
        /// </summary>
        public TextClassificationTrainer.Options Trainer { get; set; } = new();

        internal ClassifierColumnNames Columns => new(LabelColumnName, TextColumnName, ScoreColumnName, PredictedLabelColumnName);

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
        public void Validate()
        {
            if (Trainer is null) throw new ArgumentException("Option 'Trainer' must be set.", nameof(Trainer));
            Trainer.Validate();
            if (Trainer.ValidationSet is not null)
            {
                throw new ArgumentException("Option 'Trainer.ValidationSet' is not read in an ML.NET pipeline; set Options.ValidationSet to an IDataView instead.", nameof(Trainer));
            }
            if (Trainer.Text2ColumnName is not null)
            {
                throw new ArgumentException("Option 'Trainer.Text2ColumnName': text pairs are not supported in ML.NET pipelines yet.", nameof(Trainer));
            }
            Columns.Validate();
        }
    }
}
