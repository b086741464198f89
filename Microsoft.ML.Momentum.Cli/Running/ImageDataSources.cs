using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>The library's <see cref="ImageDataSource"/> for one split of an image config, or for a path given to <c>evaluate</c>.</summary>
internal static class ImageDataSources
{
    /// <summary>
    /// The source for <paramref name="files"/> of <paramref name="source"/>'s type. A csv/tsv listing without a
    /// header line or with an imageDirectory is rewritten into <paramref name="workspace"/> as a listing with a
    /// header and absolute image paths (the library reads headed listings relative to their own folder).
    /// </summary>
    public static ImageDataSource For(DataSourceConfig source, DataFilesConfig files, string split, string workspace) => source.Type switch
    {
        ConfigNames.Folder => ImageDataSource.FromFolder(files.Path),
        ConfigNames.Idx => ImageDataSource.FromIdx(files.Path, files.LabelsPath!, source.ClassNames),
        _ when source.HasHeader && source.ImageDirectory is null => ImageDataSource.FromTable(files.Path),
        _ => ImageDataSource.FromTable(NormalizedListing(source, files.Path, Path.Combine(workspace, $"{split}-listing.csv"))),
    };

    /// <summary>
    /// The source for a path on the command line: with <paramref name="labelsPath"/> an IDX images file, else a
    /// folder of class folders or a table (.csv, .tsv, .json, .jsonl).
    /// </summary>
    public static ImageDataSource ForPath(string path, string? labelsPath)
    {
        if (labelsPath is not null) return ImageDataSource.FromIdx(path, labelsPath);
        if (Directory.Exists(path)) return ImageDataSource.FromFolder(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"data '{path}' was not found (expected a folder with one sub-folder per class, or a .csv, .tsv, .json or .jsonl listing).", path);
        return Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv" or ".json" or ".jsonl" or ".ndjson"
            ? ImageDataSource.FromTable(path)
            : throw new InvalidDataException($"'{path}' is neither a folder nor a .csv, .tsv, .json or .jsonl listing (for IDX images, give the labels file with --labels).");
    }

    private static string NormalizedListing(DataSourceConfig source, string path, string target)
    {
        var columns = source.Columns;
        var table = TextDataLoader.FromFile(path, new TextDataLoaderOptions
        {
            HasHeader = source.HasHeader,
            TextColumnName = columns.Image,
            LabelColumnName = columns.Label,
            EmptyTextHandling = EmptyTextHandling.Error,
        });
        if (!table.HasLabels) throw new InvalidDataException($"'{path}' has no label column '{columns.Label}'.");
        var folder = source.ImageDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var writer = new StreamWriter(target);
        writer.WriteLine($"{Csv.Field(columns.Image)},{Csv.Field(columns.Label)}");
        foreach (var example in table) writer.WriteLine($"{Csv.Field(Path.GetFullPath(example.Text.Trim(), folder))},{Csv.Field(example.Label!)}");
        return target;
    }
}
