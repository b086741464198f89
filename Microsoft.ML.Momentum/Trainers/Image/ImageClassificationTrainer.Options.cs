using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Trainers;

public sealed partial class ImageClassificationTrainer
{
    /// <summary>Options of the image trainer, with ML.NET's names; the shared ones are documented on <see cref="ClassificationTrainerOptions"/>.</summary>
    public sealed class Options : ClassificationTrainerOptions
    {
        /// <summary>Creates options with the image trainer's defaults (batch size 64, 10 epochs, small CNN).</summary>
        public Options() => BatchSize = 64;

        /// <summary>Column holding the image path, for table sources (default "ImagePath").</summary>
        public string ImageColumnName { get; set; } = "ImagePath";

        /// <summary>The network (default <see cref="ImageClassificationArchitecture.SmallCnn"/>).</summary>
        public ImageClassificationArchitecture Architecture { get; set; } = ImageClassificationArchitecture.SmallCnn;

        /// <summary>Depth of the ResNet, 6n+2 (default 20).</summary>
        public int ResNetDepth { get; set; } = 20;

        /// <summary>Channels of the ResNet's first stage (default 16; the stages use 1×, 2×, 4×).</summary>
        public int ResNetWidth { get; set; } = 16;

        /// <summary>Hidden layer sizes of the MLP (default 256, 128).</summary>
        public IReadOnlyList<int> MlpHiddenSizes { get; set; } = [256, 128];

        /// <summary>The size images are resized to; null uses the training images' most common size.</summary>
        public ImageSize? ImageSize { get; set; }

        /// <summary>Gray or RGB input (default: gray when every training image is gray).</summary>
        public ImageColorMode ColorMode { get; set; } = ImageColorMode.Auto;

        /// <summary>Random crop (zero padding, then crop back) and horizontal flip of training images; null for none.</summary>
        public ImageAugmentation? Augmentation { get; set; }

        /// <summary>Skip and count unreadable images instead of failing (default false: the error names the file).</summary>
        public bool SkipInvalidImages { get; set; }

        /// <summary>Validation data evaluated after every epoch; when null, <see cref="ClassificationTrainerOptions.ValidationSetFraction"/> of the training data is held out.</summary>
        public ImageDataSource? ValidationSet { get; set; }

        /// <inheritdoc />
        public override void Validate()
        {
            base.Validate();
            Require(!string.IsNullOrWhiteSpace(ImageColumnName), nameof(ImageColumnName), "must name a column");
            Require(Enum.IsDefined(Architecture), nameof(Architecture), $"is not a known architecture: {Architecture}");
            Require(ResNetDepth >= 8 && (ResNetDepth - 2) % 6 == 0, nameof(ResNetDepth), $"must be 6n+2 with n ≥ 1 (8, 14, 20, 32, 44, 56, 110); got {ResNetDepth}");
            Require(ResNetWidth >= 1, nameof(ResNetWidth), $"must be at least 1; got {ResNetWidth}");
            Require(MlpHiddenSizes is { Count: > 0 } && MlpHiddenSizes.All(h => h >= 1), nameof(MlpHiddenSizes), "must list one or more positive layer sizes");
            Require(ImageSize is null || ImageSize.Value is { Height: > 0, Width: > 0 }, nameof(ImageSize), $"must have positive sides; got {ImageSize}");
            Require(Enum.IsDefined(ColorMode), nameof(ColorMode), $"is not a known colour mode: {ColorMode}");
            Require(Augmentation is null || Augmentation.CropPadding >= 0, nameof(Augmentation), $"CropPadding must be 0 or more; got {Augmentation?.CropPadding}");
        }

        internal ImageReadSettings ReadSettings => new(LabelColumnName, ImageColumnName, ImageSize, ColorMode, SkipInvalidImages);
    }
}
