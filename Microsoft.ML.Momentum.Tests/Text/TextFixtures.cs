using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Tests.Text;

/// <summary>Paths of the committed text fixtures (copied next to the test assembly).</summary>
internal static class TextFixtures
{
    public static readonly string[] Topics = ["computers", "cooking", "sports", "weather"];

    public static string Path(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "text", name);

    public static string Bad(string name) => Path(System.IO.Path.Combine("bad", name));

    public static TextDataSet LoadTopicsCsv() => TextDataLoader.FromCsv(Path("topics.csv"));

    /// <summary>A stream over UTF-8 text.</summary>
    public static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
