using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

public sealed partial class MomentumTextClassificationTrainer
{
    /// <summary>Options of the ML.NET text classification estimator; the training settings are <see cref="TextClassificationTrainer.Options"/>.</summary>
    public sealed class Options : MomentumClassificationOptions<TextClassificationTrainer.Options>
    {
        /// <summary>The text column (default "Text").</summary>
        public string TextColumnName { get; set; } = DefaultColumnNames.Text;

        private protected override string FeatureColumnName => TextColumnName;

        private protected override bool HasTrainerValidationSet => Trainer.ValidationSet is not null;

        /// <inheritdoc />
        public override void Validate()
        {
            base.Validate();
            if (Trainer.Text2ColumnName is not null)
            {
                throw new ArgumentException("Option 'Trainer.Text2ColumnName': text pairs are not supported in ML.NET pipelines yet.", nameof(Trainer));
            }
        }
    }
}
