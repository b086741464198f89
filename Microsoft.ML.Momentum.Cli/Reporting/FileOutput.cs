namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>Writes output files whole: to a temporary file next to the target, then renamed over it.</summary>
internal static class FileOutput
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }
}
