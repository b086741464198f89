using System.IO.Compression;
using Microsoft.ML.Momentum.Data.Idx;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Data;

[TestClass]
public sealed class IdxFileTests
{
    private static readonly byte[] TwoImagesOf2x3 =
        [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [TestMethod]
    public void ReadsPlainAndGzippedFilesAlike()
    {
        var plain = Write(TwoImagesOf2x3, gzip: false);
        var zipped = Write(TwoImagesOf2x3, gzip: true);
        try
        {
            foreach (var path in new[] { plain, zipped })
            {
                var array = IdxFile.ReadBytes(path);
                CollectionAssert.AreEqual(new[] { 2, 2, 3 }, array.Dimensions.ToArray());
                Assert.AreEqual(6, array.ItemLength);
                CollectionAssert.AreEqual(Enumerable.Range(1, 12).Select(i => (byte)i).ToArray(), array.Data);
            }
        }
        finally
        {
            File.Delete(plain);
            File.Delete(zipped);
        }
    }

    [TestMethod]
    public void TruncatedFileIsReportedWithItsPath()
    {
        var path = Write(TwoImagesOf2x3[..20], gzip: true);
        try
        {
            var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxFile.ReadBytes(path));
            StringAssert.Contains(error.Message, $"'{path}' is truncated: it ended after 4 of 12 bytes of 12 elements");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void WrongMagicAndElementTypeAreRejected()
    {
        var notIdx = Write([0x50, 0x4b, 3, 4, 0, 0], gzip: false);
        var floats = Write([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0], gzip: false);
        try
        {
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IdxFile.ReadBytes(notIdx)).Message, "is not an IDX file");
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IdxFile.ReadBytes(floats)).Message, "element type 0x0d");
            Assert.ThrowsExactly<FileNotFoundException>(() => IdxFile.ReadBytes(notIdx + ".missing"));
        }
        finally
        {
            File.Delete(notIdx);
            File.Delete(floats);
        }
    }

    private static string Write(byte[] content, bool gzip)
    {
        var path = Path.Combine(Path.GetTempPath(), $"idx-{Guid.NewGuid():N}{(gzip ? ".gz" : "")}");
        using var file = File.Create(path);
        if (gzip)
        {
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(content);
        }
        else
        {
            file.Write(content);
        }
        return path;
    }
}
