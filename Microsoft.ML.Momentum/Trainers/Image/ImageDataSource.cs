using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// Where labelled images come from: a folder with one sub-folder per class, IDX files (MNIST layout), a
/// CSV/TSV/JSON table listing image paths and labels (columns chosen by the trainer's
/// <c>ImageColumnName</c> and <c>LabelColumnName</c>), or examples in memory. Nothing is read until a trainer
/// or model loads it, with its image size, colour mode and error settings.
/// </summary>
public abstract class ImageDataSource
{
    private protected ImageDataSource(string description) => Description = description;

    /// <summary>Where the images come from, for messages.</summary>
    public string Description { get; }

    /// <summary>A folder with one sub-folder per class (PNG, JPEG, BMP, GIF); the folder names are the labels.</summary>
    /// <param name="path">The folder holding the class folders.</param>
    public static ImageDataSource FromFolder(string path) => new FolderSource(Check(path));

    /// <summary>IDX files in the MNIST layout, gzipped or not.</summary>
    /// <param name="imagesPath">The images file (e.g. train-images-idx3-ubyte.gz).</param>
    /// <param name="labelsPath">The labels file.</param>
    /// <param name="classNames">Names of classes 0, 1, …; null names them "0", "1", ….</param>
    public static ImageDataSource FromIdx(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null)
        => new LoadedSource($"IDX files '{imagesPath}' and '{labelsPath}'", () => IdxImageLoader.Load(Check(imagesPath), Check(labelsPath), classNames));

    /// <summary>
    /// A table (.csv, .tsv, .json or .jsonl, by extension) with an image-path column and a label column; relative
    /// paths are resolved against the table's folder. Errors name the file and line.
    /// </summary>
    /// <param name="path">The table file.</param>
    public static ImageDataSource FromTable(string path) => new TableSource(Check(path));

    /// <summary>Encoded images (PNG, JPEG, BMP, GIF bytes) with their labels, held in memory.</summary>
    /// <param name="examples">Label and encoded bytes of each image.</param>
    public static ImageDataSource FromEncoded(IEnumerable<(string Label, byte[] Image)> examples)
        => new EncodedSource(examples?.ToArray() ?? throw new ArgumentNullException(nameof(examples)));

    /// <summary>Decoded images (any sizes and channel counts) with their labels, held in memory.</summary>
    /// <param name="examples">Label and pixels of each image.</param>
    public static ImageDataSource FromDecoded(IEnumerable<(string Label, DecodedImage Image)> examples)
        => new DecodedSource(examples?.ToArray() ?? throw new ArgumentNullException(nameof(examples)));

    /// <summary>Images already decoded into a <see cref="LabeledImages"/> set (e.g. <see cref="FashionMnist.LoadTrain"/>).</summary>
    /// <param name="images">The images.</param>
    public static ImageDataSource FromImages(LabeledImages images)
        => new LoadedSource("in-memory images", () => images ?? throw new ArgumentNullException(nameof(images)));

    /// <summary>Loads the images. <paramref name="classNames"/> fixes the label order (validation and test data); null derives it from the data.</summary>
    internal abstract ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation);

    private static string Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path;
    }

    /// <summary>Maps <paramref name="names"/> to fixed class names, or sorts the distinct names when none are fixed.</summary>
    private protected static IReadOnlyList<string> ClassesOf(IEnumerable<string> names, IReadOnlyList<string>? fixedNames)
        => fixedNames ?? names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private protected static int LabelOf(string name, IReadOnlyList<string> classNames, string where)
    {
        for (var i = 0; i < classNames.Count; i++)
        {
            if (string.Equals(classNames[i], name, StringComparison.Ordinal)) return i;
        }
        throw new InvalidDataException($"{where}: label '{name}' is not one of the model's classes ({string.Join(", ", classNames)}).");
    }

    private sealed class FolderSource(string path) : ImageDataSource($"image folder '{path}'")
    {
        internal override ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation)
            => ImageFolderLoader.Load(path, settings.FolderOptions(classNames), cancellation);
    }

    private sealed class TableSource(string path) : ImageDataSource($"image table '{path}'")
    {
        internal override ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation)
        {
            TextDataSet table;
            try
            {
                table = TextDataLoader.FromFile(path, new TextDataLoaderOptions
                {
                    TextColumnName = settings.ImageColumnName,
                    TextColumnOptionName = "ImageColumnName",
                    LabelColumnName = settings.LabelColumnName,
                    EmptyTextHandling = EmptyTextHandling.Error,
                });
            }
            catch (TextDataException e)
            {
                // Image data errors are InvalidDataException throughout the image API.
                throw new InvalidDataException(e.Message, e);
            }
            if (!table.HasLabels) throw new InvalidDataException($"'{path}' has no label column '{settings.LabelColumnName}'.");
            var names = ClassesOf(table.Select(e => e.Label!), classNames);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var files = table.Select(e => Path.GetFullPath(e.Text.Trim(), folder)).ToArray();
            var labels = Enumerable.Range(0, table.Count).Select(i => LabelOf(table[i].Label!, names, table.DescribeLocation(i))).ToArray();
            return ImageSetBuilder.Build(new FileImageSourceList(files, labels), names, settings.LoadOptions(), cancellation);
        }
    }

    private sealed class EncodedSource((string Label, byte[] Image)[] examples) : ImageDataSource($"{examples.Length} in-memory encoded images")
    {
        internal override ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation)
            => LoadLabelled(examples, classNames, (label, image) => new EncodedImageExample(label, image),
                (list, names) => InMemoryImageLoader.FromEncoded(list, names, settings.LoadOptions(), cancellation));
    }

    private sealed class DecodedSource((string Label, DecodedImage Image)[] examples) : ImageDataSource($"{examples.Length} in-memory decoded images")
    {
        internal override ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation)
            => LoadLabelled(examples, classNames, (label, image) => new DecodedImageExample(label, image),
                (list, names) => InMemoryImageLoader.FromPixels(list, names, settings.LoadOptions(), cancellation));
    }

    /// <summary>Maps in-memory examples' label names to class indices and loads them with <paramref name="load"/>.</summary>
    private static ImageLoadResult LoadLabelled<TImage, TExample>((string Label, TImage Image)[] examples, IReadOnlyList<string>? classNames,
        Func<int, TImage, TExample> example, Func<IEnumerable<TExample>, IReadOnlyList<string>, ImageLoadResult> load)
    {
        var names = ClassesOf(examples.Select(e => e.Label), classNames);
        return load(examples.Select((e, i) => example(LabelOf(e.Label, names, $"in-memory example #{i}"), e.Image)), names);
    }

    private sealed class LoadedSource(string description, Func<LabeledImages> load) : ImageDataSource(description)
    {
        internal override ImageLoadResult Load(ImageReadSettings settings, IReadOnlyList<string>? classNames, CancellationToken cancellation)
        {
            var images = load();
            if (classNames is not null && classNames.Count != images.ClassNames.Count)
            {
                throw new InvalidDataException($"{Description} has {images.ClassNames.Count} classes; the model has {classNames.Count}.");
            }
            var channels = settings.ColorMode == ImageColorMode.Auto ? images.Channels : (int)settings.ColorMode;
            var size = settings.ImageSize ?? new ImageSize(images.Height, images.Width);
            if (channels != images.Channels || size != new ImageSize(images.Height, images.Width)) images = images.ConvertTo(channels, size);
            if (classNames is not null) images = new LabeledImages(images.Pixels, images.Labels, images.Channels, images.Height, images.Width, classNames);
            var counts = new int[images.ClassNames.Count];
            foreach (var label in images.Labels) counts[label]++;
            var report = new ImageLoadReport
            {
                LoadedCount = images.Count, Skipped = [], ResizedCount = 0, ConvertedCount = 0, ImageSize = size, Channels = channels,
                CountPerClass = counts, Elapsed = TimeSpan.Zero,
            };
            return new ImageLoadResult(images, Enumerable.Range(0, images.Count).Select(i => $"{Description} #{i}").ToArray(), report);
        }
    }
}
