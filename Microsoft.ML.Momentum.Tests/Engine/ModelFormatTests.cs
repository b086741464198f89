using System.IO.Compression;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

/// <summary>Model zips of the retired libtorch 1.13 engine (format 1) and of unknown versions are refused clearly.</summary>
[TestClass]
public sealed class ModelFormatTests
{
    private static string ZipWithManifest(string manifest, bool withWeights)
    {
        var path = Path.Combine(Path.GetTempPath(), $"momentum-format-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("model.json").Open())) writer.Write(manifest);
        if (withWeights)
        {
            using var weights = zip.CreateEntry("weights.pt").Open();
            weights.Write(new byte[] { 0x80, 0x02, 0x63 });  // the start of a libtorch archive; never read
        }
        return path;
    }

    [TestMethod]
    public void AZipOfTheLibtorch113EngineIsRefusedWithItsVersionAndWhatToDo()
    {
        var path = ZipWithManifest("""
            {"formatVersion": 1, "task": "imageClassification", "network": {"architecture": "cnn", "options": {"classes": "10"}},
             "classNames": ["a", "b"], "preprocessing": {}, "attachments": []}
            """, withWeights: true);
        try
        {
            var bytes = File.ReadAllBytes(path);
            var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageClassificationModel.Load(path));
            StringAssert.Contains(error.Message, path);
            StringAssert.Contains(error.Message, "model format version 1");
            StringAssert.Contains(error.Message, "libtorch 1.13");
            StringAssert.Contains(error.Message, "Retrain the model");
            CollectionAssert.AreEqual(bytes, File.ReadAllBytes(path), "the refused file is left as it was");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AZipOfAFutureVersionNamesBothVersions()
    {
        var path = ZipWithManifest("""{"formatVersion": 7, "task": "imageClassification"}""", withWeights: false);
        try
        {
            var error = Assert.ThrowsExactly<InvalidDataException>(() => ImageClassificationModel.Load(path));
            StringAssert.Contains(error.Message, "model format version 7; this library reads version 2");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
