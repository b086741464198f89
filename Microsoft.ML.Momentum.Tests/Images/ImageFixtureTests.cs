using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageFixtureTests
{
    public const string WriteVariable = "MOMENTUM_WRITE_FIXTURES";

    /// <summary>Fixtures/images as copied next to the test assembly.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "images");

    [TestMethod]
    public void CommittedFixturesAreWhatTheGeneratorWrites()
    {
        var fashion = FashionMnist.IsAvailable() ? FashionMnist.LoadTrain() : null;
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            TestEnvironment.RequireData(fashion is not null, "Fashion-MNIST (dataset-fashion-mnist)");
            var target = ImageFixtureGenerator.SourceDirectory();
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            ImageFixtureGenerator.WriteAll(target, fashion);
        }
        var expected = Path.Combine(Path.GetTempPath(), "momentum-fixtures-" + Guid.NewGuid().ToString("N"));
        try
        {
            ImageFixtureGenerator.WriteAll(expected, fashion);
            var generated = Files(expected);
            var committed = Files(Root);
            if (fashion is null) committed = committed.Where(f => !f.StartsWith("fashion" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
            CollectionAssert.AreEqual(generated, committed, "The committed fixture files differ from the generator's; regenerate with " + WriteVariable + "=1.");
            foreach (var file in generated)
            {
                CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(Root, file)), $"Fixture '{file}' differs from the generator's output.");
            }
            var bytes = committed.Sum(f => new FileInfo(Path.Combine(Root, f)).Length);
            Assert.IsLessThan(1_000_000L, bytes, "Image fixtures must stay under 1 MB.");
        }
        finally
        {
            Directory.Delete(expected, recursive: true);
        }
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
