using System.Runtime.CompilerServices;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>
/// Writes the committed image fixtures (Fixtures/images): Fashion-MNIST samples as PNG in a class-folder
/// tree, a mixed-format/size/channel folder, and bad inputs. The generator is deterministic;
/// <see cref="ImageFixtureTests"/> checks that the committed files are what it writes, and regenerates them
/// in the source tree when MOMENTUM_WRITE_FIXTURES=1.
/// </summary>
internal static class ImageFixtureGenerator
{
    /// <summary>Images per Fashion-MNIST class in the fixture.</summary>
    public const int PerClass = 30;

    /// <summary>Folder name of each Fashion-MNIST class (by label): '/' is not allowed in a folder name, and one class is renamed to prove that spaces and non-ASCII names are kept.</summary>
    public static IReadOnlyList<string> FashionFolderNames { get; } =
        ["T-shirt top", "Trouser", "Pullover", "Dress", "Coat", "Sandale été", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The Fixtures/images folder in the source tree.</summary>
    public static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures", "images"));

    /// <summary>Writes everything under <paramref name="root"/>; the Fashion part needs Fashion-MNIST installed.</summary>
    public static void WriteAll(string root, LabeledImages? fashionTrain)
    {
        if (fashionTrain is not null) WriteFashion(Path.Combine(root, "fashion"), fashionTrain);
        WriteFormats(Path.Combine(root, "formats"));
        WriteBad(Path.Combine(root, "bad"));
    }

    /// <summary>The first <see cref="PerClass"/> training images of each class, in file order, as 000.png, 001.png, ...</summary>
    public static void WriteFashion(string directory, LabeledImages train)
    {
        foreach (var (label, index, k) in FashionSelection(train))
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, FashionFolderNames[label])).FullName;
            var image = new DecodedImage(train.Pixels.AsSpan(index * train.ImageLength, train.ImageLength).ToArray(), 1, train.Height, train.Width);
            File.WriteAllBytes(Path.Combine(folder, $"{k:D3}.png"), ImageEncoder.Encode(image, EncodedImageFormat.Png));
        }
    }

    /// <summary>(label, index in the training set, position in its class) of every fixture image.</summary>
    public static IEnumerable<(int Label, int Index, int Position)> FashionSelection(LabeledImages train)
    {
        var taken = new int[train.ClassNames.Count];
        for (var i = 0; i < train.Count; i++)
        {
            var label = train.Labels[i];
            if (taken[label] < PerClass) yield return (label, i, taken[label]++);
        }
    }

    /// <summary>
    /// Discs and squares in PNG (1-4 channels), JPEG (colour and gray), BMP and GIF, of several sizes; 32x32 is
    /// the most common. The gray + alpha PNG comes from <see cref="PngWriter"/>: SkiaSharp's encoder writes
    /// such an image as RGBA.
    /// </summary>
    public static void WriteFormats(string directory)
    {
        var circles = Directory.CreateDirectory(Path.Combine(directory, "circles")).FullName;
        var squares = Directory.CreateDirectory(Path.Combine(directory, "squares")).FullName;
        Png(circles, "c1-gray.png", SyntheticImages.Shape(true, 1, 32, 32, 0));
        Png(circles, "c2-rgb.png", SyntheticImages.Shape(true, 3, 32, 32, 1));
        Png(circles, "c3-rgba.png", SyntheticImages.Shape(true, 4, 32, 32, 2));
        File.WriteAllBytes(Path.Combine(circles, "c4-gray-alpha.png"), PngWriter.WriteGrayAlpha(SyntheticImages.Shape(true, 2, 32, 32, 3)));
        File.WriteAllBytes(Path.Combine(circles, "c5.jpg"), ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 32, 32, 4), EncodedImageFormat.Jpeg, 90));
        File.WriteAllBytes(Path.Combine(circles, "c6.bmp"), ImageEncoder.Encode(SyntheticImages.Shape(true, 3, 30, 40, 5), EncodedImageFormat.Bmp));
        File.WriteAllBytes(Path.Combine(circles, "c7.gif"), SyntheticImages.Gif(SyntheticImages.Shape(true, 1, 24, 24, 6)));
        File.WriteAllText(Path.Combine(circles, "notes.txt"), "Not an image: ignored by extension.\n");
        File.WriteAllText(Path.Combine(circles, ".hidden.png"), "Not an image either: ignored because hidden.\n");
        Png(squares, "s1-gray.png", SyntheticImages.Shape(false, 1, 32, 32, 0));
        Png(squares, "s2-rgb.png", SyntheticImages.Shape(false, 3, 48, 48, 1));
        File.WriteAllBytes(Path.Combine(squares, "s3-gray.jpg"), ImageEncoder.Encode(SyntheticImages.Shape(false, 1, 32, 32, 2), EncodedImageFormat.Jpeg, 90));
        File.WriteAllBytes(Path.Combine(squares, "s4.bmp"), ImageEncoder.Encode(SyntheticImages.Shape(false, 3, 32, 32, 3), EncodedImageFormat.Bmp));
        File.WriteAllBytes(Path.Combine(squares, "s5-colour.gif"), SyntheticImages.Gif(SyntheticImages.Shape(false, 3, 32, 32, 4)));
        Png(squares, "s6-upper.PNG", SyntheticImages.Shape(false, 3, 16, 16, 5));
    }

    /// <summary>Broken trees: truncated and non-image files, one class, an empty class, no images.</summary>
    public static void WriteBad(string directory)
    {
        var good = ImageEncoder.Encode(SyntheticImages.Shape(true, 1, 16, 16), EncodedImageFormat.Png);
        var other = ImageEncoder.Encode(SyntheticImages.Shape(false, 1, 16, 16), EncodedImageFormat.Png);

        var truncated = Path.Combine(directory, "truncated");
        Write(Path.Combine(truncated, "a", "1.png"), good);
        Write(Path.Combine(truncated, "a", "2.png"), good);
        Write(Path.Combine(truncated, "b", "1.png"), other);
        Write(Path.Combine(truncated, "b", "2-truncated.png"), other.AsSpan(0, other.Length / 2).ToArray());
        Write(Path.Combine(truncated, "b", "3-not-an-image.jpg"), "This is text, not a JPEG.\n"u8.ToArray());

        Write(Path.Combine(directory, "one-class", "only", "1.png"), good);

        Write(Path.Combine(directory, "empty-class", "a", "1.png"), good);
        Write(Path.Combine(directory, "empty-class", "a", "2.png"), good);
        Write(Path.Combine(directory, "empty-class", "b", ".gitkeep"), []);

        Write(Path.Combine(directory, "no-images", "a", "readme.txt"), "No images here.\n"u8.ToArray());
        Write(Path.Combine(directory, "no-images", "b", "readme.txt"), "No images here.\n"u8.ToArray());
    }

    private static void Png(string folder, string name, DecodedImage image) =>
        File.WriteAllBytes(Path.Combine(folder, name), ImageEncoder.Encode(image, EncodedImageFormat.Png));

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
