using Microsoft.ML.Momentum.IO;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>Writes output files whole, through the library's <see cref="AtomicFile"/> (temporary file, fsync, rename).</summary>
internal static class FileOutput
{
    public static void WriteAllText(string path, string text) => AtomicFile.WriteAllText(path, text);
}
