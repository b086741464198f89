using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Idx;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Loads images and labels from a pair of IDX files (the MNIST layout, gzipped or not).</summary>
public static class IdxImageLoader
{
    /// <summary>Reads a (count, rows, columns) image file and a (count) label file as one gray image set.</summary>
    /// <param name="imagesPath">The images, unsigned bytes, 3 dimensions.</param>
    /// <param name="labelsPath">The labels, unsigned bytes, 1 dimension, as many as images.</param>
    /// <param name="classNames">Class names by label; null names them "0", "1", ... up to the largest label.</param>
    /// <exception cref="InvalidDataException">The files do not match or a label has no class name; the message names the file.</exception>
    public static LabeledImages Load(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null)
    {
        var images = IdxFile.ReadBytes(imagesPath);
        var labels = IdxFile.ReadBytes(labelsPath);
        if (images.Dimensions.Count != 3) throw new InvalidDataException($"'{imagesPath}' has {images.Dimensions.Count} dimensions; images need 3 (count, rows, columns).");
        if (labels.Dimensions.Count != 1 || labels.Count != images.Count)
        {
            throw new InvalidDataException($"'{labelsPath}' holds {labels.Count} labels for the {images.Count} images of '{imagesPath}'.");
        }
        var classes = Array.ConvertAll(labels.Data, b => (int)b);
        classNames ??= Enumerable.Range(0, classes.Length == 0 ? 1 : classes.Max() + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var bad = Array.FindIndex(classes, c => c >= classNames.Count);
        if (bad >= 0) throw new InvalidDataException($"'{labelsPath}': label {classes[bad]} of item {bad} has no class name (there are {classNames.Count}).");
        return new LabeledImages(images.Data, classes, 1, images.Dimensions[1], images.Dimensions[2], classNames);
    }
}
