using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
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
                var written = File.ReadAllBytes(Path.Combine(expected, file));
                var stored = File.ReadAllBytes(Path.Combine(Root, file));
                if (written.AsSpan().SequenceEqual(stored)) continue;
                // A PNG's compressed stream depends on the zlib build inside SkiaSharp's native library, which may
                // differ between platforms; what it decodes to may not.
                Assert.IsTrue(file.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && DecodeToTheSamePixels(written, stored),
                    $"Fixture '{file}' differs from the generator's output; regenerate with {WriteVariable}=1.");
            }
            var bytes = committed.Sum(f => new FileInfo(Path.Combine(Root, f)).Length);
            Assert.IsLessThan(1_000_000L, bytes, "Image fixtures must stay under 1 MB.");
        }
        finally
        {
            Directory.Delete(expected, recursive: true);
        }
    }

    private static bool DecodeToTheSamePixels(byte[] written, byte[] stored)
    {
        try
        {
            DecodedImage a = ImageDecoder.Decode(written), b = ImageDecoder.Decode(stored);
            return a.Channels == b.Channels && a.Size == b.Size && a.Pixels.AsSpan().SequenceEqual(b.Pixels);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
