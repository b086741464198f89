using Microsoft.ML.Momentum.Data.Idx;

namespace Microsoft.ML.Momentum.Data.Datasets;

/// <summary>
/// Fashion-MNIST (Zalando, MIT): 60,000 training and 10,000 test 28×28 grayscale images of 10 clothing
/// classes, read from the official gzipped IDX files (Debian package <c>dataset-fashion-mnist</c>).
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Environment variable that overrides the directory.</summary>
    public const string DirectoryVariable = "MOMENTUM_FASHION_MNIST_PATH";

    /// <summary>The ten class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The directory to read from: the environment variable if set, else Debian's location.</summary>
    public static string DefaultDirectory => Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } path ? path : DebianDirectory;

    /// <summary>True when the four IDX files are present in <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    /// <param name="directory">Directory to look in.</param>
    public static bool IsAvailable(string? directory = null) =>
        FileNames.All(name => File.Exists(Path.Combine(directory ?? DefaultDirectory, name + ".gz")) ||
                              File.Exists(Path.Combine(directory ?? DefaultDirectory, name)));

    /// <summary>Reads the training set.</summary>
    /// <param name="directory">Directory holding the IDX files (default: <see cref="DefaultDirectory"/>).</param>
    public static LabeledImages LoadTrain(string? directory = null) => Load(directory, "train");

    /// <summary>Reads the test set.</summary>
    /// <param name="directory">Directory holding the IDX files (default: <see cref="DefaultDirectory"/>).</param>
    public static LabeledImages LoadTest(string? directory = null) => Load(directory, "t10k");

    private static LabeledImages Load(string? directory, string prefix)
    {
        directory ??= DefaultDirectory;
        var imagesPath = Resolve(directory, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Resolve(directory, $"{prefix}-labels-idx1-ubyte");
        var images = IdxFile.ReadBytes(imagesPath);
        var labels = IdxFile.ReadBytes(labelsPath);
        if (images.Dimensions.Count != 3) throw new InvalidDataException($"'{imagesPath}' has {images.Dimensions.Count} dimensions; images need 3 (count, rows, columns).");
        if (labels.Dimensions.Count != 1 || labels.Count != images.Count)
        {
            throw new InvalidDataException($"'{labelsPath}' holds {labels.Count} labels for the {images.Count} images of '{imagesPath}'.");
        }
        var classes = Array.ConvertAll(labels.Data, b => (int)b);
        var bad = Array.FindIndex(classes, c => c >= ClassNames.Count);
        if (bad >= 0) throw new InvalidDataException($"'{labelsPath}': label {classes[bad]} of item {bad} is not a Fashion-MNIST class (0-9).");
        return new LabeledImages(images.Data, classes, 1, images.Dimensions[1], images.Dimensions[2], ClassNames);
    }

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private static string Resolve(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"Fashion-MNIST file '{name}(.gz)' was not found in '{directory}'. Install it with " +
            $"'sudo apt-get install dataset-fashion-mnist' (or run 'bash build/setup.sh'), or set {DirectoryVariable} to a directory holding the IDX files.");
    }
}
