using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

public sealed partial class MomentumImageClassificationTrainer
{
    /// <summary>Options of the ML.NET image classification estimator; the training settings are <see cref="ImageClassificationTrainer.Options"/>.</summary>
    public sealed class Options : MomentumClassificationOptions<ImageClassificationTrainer.Options>
    {
        /// <summary>The image column: encoded bytes from <c>LoadRawImageBytes</c> or an <c>MLImage</c> from <c>LoadImages</c> (default "Image").</summary>
        public string ImageColumnName { get; set; } = DefaultColumnNames.Image;

        private protected override string FeatureColumnName => ImageColumnName;

        private protected override bool HasTrainerValidationSet => Trainer.ValidationSet is not null;
    }
}
