using System.IO.Compression;
using Microsoft.ML.Momentum.Data.Idx;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Tests.ImageTrainer;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>
/// Mutated inputs for every loader and for the model-zip reader: the process never crashes and every failure is the
/// loader's documented exception. CI runs a few hundred cases per target; the "Soak" category runs 10,000
/// (<c>MOMENTUM_FUZZ_CASES</c>, benchmarks/reliability.sh).
/// </summary>
[TestClass]
public sealed class LoaderFuzzTests
{
    private const int CiCases = 300;

    [TestMethod]
    public void Idx() => FuzzIdx(CiCases);

    [TestMethod]
    public void CsvTsvJson() => FuzzText(CiCases);

    [TestMethod]
    public void Images() => FuzzImages(CiCases);

    [TestMethod]
    public void ModelZip() => FuzzModelZip(CiCases / 3);

    [TestMethod]
    [TestCategory("Soak")]
    public void AllLoadersTenThousandCasesEach()
    {
        var cases = Fuzzer.Cases(10_000);
        FuzzIdx(cases);
        FuzzText(cases);
        FuzzImages(cases);
        FuzzModelZip(cases);
    }

    private static void FuzzIdx(int cases)
    {
        byte[] images = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        byte[] labels = [0, 0, 8, 1, 0, 0, 0, 4, 3, 1, 4, 1];
        var path = Path.Combine(Path.GetTempPath(), $"momentum-fuzz-{Guid.NewGuid():N}.idx");
        try
        {
            Fuzzer.Run("IDX", [images, labels], cases, seed: 1, bytes =>
            {
                File.WriteAllBytes(path, bytes);
                IdxFile.ReadBytes(path);
            }, typeof(InvalidDataException));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void FuzzText(int cases)
    {
        (string File, Func<Stream, string, TextDataSet> Load)[] formats =
        [
            ("topics.csv", (s, n) => TextDataLoader.FromCsv(s, n)),
            ("topics.tsv", (s, n) => TextDataLoader.FromTsv(s, n)),
            ("topics.json", (s, n) => TextDataLoader.FromJson(s, n)),
            ("topics.jsonl", (s, n) => TextDataLoader.FromJsonLines(s, n)),
        ];
        var seed = 2;
        foreach (var (file, load) in formats)
        {
            var original = File.ReadAllBytes(TextTrainer.TextTrainerFixtures.Path(file));
            var head = original.AsSpan(0, Math.Min(original.Length, 1500)).ToArray(); // a few rows (a cut row is itself a case)
            Fuzzer.Run(file, [original, head], cases, seed++, bytes => load(new MemoryStream(bytes), file), typeof(TextDataException), typeof(InvalidDataException));
        }
    }

    private static void FuzzImages(int cases)
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(Tests.Images.ImageFixtureTests.Root, "formats"), "*.*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Fuzzer.Run("images", seeds, cases, seed: 7, bytes => ImageDecoder.Decode(bytes), typeof(InvalidDataException));
    }

    private static void FuzzModelZip(int cases)
    {
        var directory = ImageTrainerFixture.TemporaryDirectory();
        try
        {
            var saved = Path.Combine(directory, "model.zip");
            using (var model = ImageTrainerFixture.Fit(o => { o.MaxEpoch = 1; o.MlpHiddenSizes = [8]; }))
            {
                model.Save(saved);
            }
            var zip = File.ReadAllBytes(saved);
            var candidate = Path.Combine(directory, "candidate.zip");
            void Load(byte[] bytes)
            {
                File.WriteAllBytes(candidate, bytes);
                ImageClassificationModel.Load(candidate).Dispose();
            }
            Fuzzer.Run("model zip", [zip], cases, seed: 11, Load, typeof(InvalidDataException));
            // Zips as a version without checksums wrote them, with a mutated entry: the manifest and weights parsers themselves.
            var entries = Entries(zip);
            foreach (var (name, seed) in new[] { ("model.json", 12), ("weights.bin", 13) })
            {
                Fuzzer.Run($"unverified {name}", [entries[name]], cases, seed, bytes => Load(Zip(entries, name, bytes)), typeof(InvalidDataException));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Where(e => e.FullName != "checksums.json").ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        });
    }

    private static byte[] Zip(Dictionary<string, byte[]> entries, string replaced, byte[] replacement)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(name == replaced ? replacement : bytes);
            }
        }
        return output.ToArray();
    }
}
