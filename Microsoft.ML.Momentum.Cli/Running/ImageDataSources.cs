using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>The library's <see cref="ImageDataSource"/> for a path given to <c>evaluate</c>.</summary>
internal static class ImageDataSources
{
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
}
