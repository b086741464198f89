using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// An image config's splits as data views of encoded image bytes and labels: class folders and csv/tsv listings
/// give each file's bytes as stored, IDX items are encoded as (lossless) PNG. Files are read lazily, as the
/// estimator reads the rows; a missing file or an unknown label names the file and line.
/// </summary>
internal static class ImageDataViews
{
    public static LabeledViews For(MLContext ml, DataSourceConfig source, RowOrigin origin)
    {
        var train = Rows(source, source.Train, null);
        var validation = source.Validation is { } v ? Rows(source, v, train.ClassNames) : null;
        var test = source.Test is { } t ? Rows(source, t, train.ClassNames) : null;
        return new LabeledViews(train.View(ml, origin), validation?.View(ml, origin), test?.View(ml, origin), train.ClassNames);
    }

    private static ImageRows Rows(DataSourceConfig source, DataFilesConfig files, IReadOnlyList<string>? classNames) => source.Type switch
    {
        ConfigNames.Folder => FromFolder(files.Path, classNames),
        ConfigNames.Idx => FromIdx(files.Path, files.LabelsPath!, classNames ?? source.ClassNames),
        _ => FromListing(source, files.Path, classNames),
    };

    private static ImageRows FromFolder(string path, IReadOnlyList<string>? classNames)
    {
        var listing = ImageFolderListing.Scan(path, new ImageFolderOptions { ClassNames = classNames });
        var labels = listing.Labels.Select(l => listing.ClassNames[l]).ToArray();
        return new ImageRows(listing.ClassNames, labels, listing.Files, i => ReadFile(listing.Files[i], listing.Files[i]));
    }

    private static ImageRows FromIdx(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames)
    {
        var images = IdxImageLoader.Load(imagesPath, labelsPath, classNames);
        var labels = images.Labels.Select(l => images.ClassNames[l]).ToArray();
        var origins = Enumerable.Range(0, images.Count).Select(i => $"item {i} of '{imagesPath}'").ToArray();
        return new ImageRows(images.ClassNames, labels, origins, i =>
        {
            var pixels = images.Pixels.AsSpan(i * images.ImageLength, images.ImageLength).ToArray();
            return ImageEncoder.Encode(new DecodedImage(pixels, images.Channels, images.Height, images.Width), EncodedImageFormat.Png);
        });
    }

    /// <summary>A csv/tsv listing of image paths (relative to imageDirectory or the listing's folder) and labels.</summary>
    private static ImageRows FromListing(DataSourceConfig source, string path, IReadOnlyList<string>? classNames)
    {
        var columns = source.Columns;
        var table = TextDataLoader.FromFile(path, new TextDataLoaderOptions
        {
            HasHeader = source.HasHeader,
            TextColumnName = columns.Image,
            TextColumnOptionName = "ImageColumnName",
            LabelColumnName = columns.Label,
            EmptyTextHandling = EmptyTextHandling.Error,
        });
        if (!table.HasLabels) throw new InvalidDataException($"'{path}' has no label column '{columns.Label}'.");
        var names = classNames ?? table.GetDistinctLabels();
        var labels = LabelChecks.Known(table, names);
        var folder = source.ImageDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = table.Select(e => Path.GetFullPath(e.Text.Trim(), folder)).ToArray();
        return new ImageRows(names, labels, files, i => ReadFile(files[i], table.DescribeLocation(i)));
    }

    private static byte[] ReadFile(string file, string where)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException(where == file ? $"image '{file}' was not found." : $"{where}: image '{file}' was not found.", file, e);
        }
    }

    /// <summary>One split: labels, the origin of each row for messages, and a reader of each row's encoded image.</summary>
    private sealed record ImageRows(IReadOnlyList<string> ClassNames, IReadOnlyList<string> Labels, IReadOnlyList<string> Origins, Func<int, byte[]> Read)
    {
        public IDataView View(MLContext ml, RowOrigin origin) => ml.Data.LoadFromEnumerable(Enumerable.Range(0, Labels.Count).Select(i =>
        {
            origin.Current = Origins[i];
            return new ImageRow { Label = Labels[i], Image = Read(i) };
        }));
    }
}
