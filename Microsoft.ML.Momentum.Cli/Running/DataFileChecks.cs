using Microsoft.ML.Momentum.Cli.Config;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Checks that the data a config names exists before any work starts (exit code 3 otherwise).</summary>
internal static class DataFileChecks
{
    public static void Check(TrainingRunConfig config)
    {
        var source = config.DataSource;
        foreach (var (split, files) in new[] { ("train", source.Train), ("validation", source.Validation), ("test", source.Test) })
        {
            if (files is null) continue;
            var field = $"dataSource.{split}";
            if (source.Type == ConfigNames.Folder)
            {
                if (!Directory.Exists(files.Path)) throw new DirectoryNotFoundException($"{config.SourcePath}: {field}.path: folder '{files.Path}' was not found.");
            }
            else if (!File.Exists(files.Path))
            {
                throw new FileNotFoundException($"{config.SourcePath}: {field}.path: file '{files.Path}' was not found.", files.Path);
            }
            if (files.LabelsPath is { } labels && !File.Exists(labels))
            {
                throw new FileNotFoundException($"{config.SourcePath}: {field}.labelsPath: file '{labels}' was not found.", labels);
            }
        }
        if (source.ImageDirectory is { } images && !Directory.Exists(images))
        {
            throw new DirectoryNotFoundException($"{config.SourcePath}: dataSource.imageDirectory: folder '{images}' was not found.");
        }
    }
}
