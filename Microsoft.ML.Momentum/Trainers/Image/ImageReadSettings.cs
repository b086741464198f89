using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>How a trainer or model reads an <see cref="ImageDataSource"/>: columns, shape, colour and error handling.</summary>
internal sealed record ImageReadSettings(string LabelColumnName, string ImageColumnName, ImageSize? ImageSize, ImageColorMode ColorMode, bool SkipInvalidImages)
{
    public ImageLoadOptions LoadOptions() => new() { ImageSize = ImageSize, ColorMode = ColorMode, SkipInvalidImages = SkipInvalidImages };

    public ImageFolderOptions FolderOptions(IReadOnlyList<string>? classNames) => new()
    {
        ImageSize = ImageSize, ColorMode = ColorMode, SkipInvalidImages = SkipInvalidImages, ClassNames = classNames,
    };
}
