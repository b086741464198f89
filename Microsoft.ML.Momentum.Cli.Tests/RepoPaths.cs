namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Paths in the repository (found by walking up from the test binaries to the solution file).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Docs => Path.Combine(Root, "docs");

    public static string Schema => Path.Combine(Docs, "config.schema.json");

    public static string Examples => Path.Combine(Docs, "examples");

    /// <summary>The library tests' image fixtures (fashion: 10 class folders × 30 PNGs, 28×28 gray; bad: broken sets).</summary>
    public static string Images => Path.Combine(Root, "Microsoft.ML.Momentum.Tests", "Fixtures", "images");

    public static string Fashion => Path.Combine(Images, "fashion");

    /// <summary>The library tests' text fixtures (topics.csv: 400 labelled sentences, 4 topics; also .tsv/.json/.jsonl).</summary>
    public static string Text => Path.Combine(Root, "Microsoft.ML.Momentum.Tests", "Fixtures", "text");

    public static string Topics => Path.Combine(Text, "topics.csv");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Microsoft.ML.Momentum.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Microsoft.ML.Momentum.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "momentum-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
