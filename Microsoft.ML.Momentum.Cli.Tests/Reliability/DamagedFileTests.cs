using System.IO.Compression;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests.Reliability;

/// <summary>
/// Rows of docs/errors.md that this issue added: a model or checkpoint changed after it was written is refused
/// naming the file and the entry; a diverging run fails with where it stood; no file on disk is touched.
/// </summary>
[TestClass]
public sealed class DamagedFileTests
{
    [TestMethod]
    public void ADamagedModelIsBadDataNamingTheFileAndTheEntry()
    {
        using var temp = new TempDirectory();
        TrainOneEpoch(temp);
        var model = temp.File("out/model.zip");
        FlipAByteOf(model, "weights.bin");
        var before = File.ReadAllBytes(model);

        var (code, _, error) = Run("evaluate", "--model", model, "--data", RepoPaths.Fashion);
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: '{model}' is damaged: the SHA-256 checksum of its entry 'weights.bin' does not match (the file changed after it was written).\n", error);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(model), "a refused model is left as it was");
    }

    [TestMethod]
    public void ADamagedCheckpointIsNotResumedAndNothingIsOverwritten()
    {
        using var temp = new TempDirectory();
        var config = TrainOneEpoch(temp);
        var checkpoint = temp.File("out/workspace/checkpoint.zip");
        FlipAByteOf(checkpoint, "optimizer.bin");
        var checkpointBefore = File.ReadAllBytes(checkpoint);
        var modelBefore = File.ReadAllBytes(temp.File("out/model.zip"));

        var (code, _, error) = Run("train", "--config", config, "--resume", "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: Checkpoint '{checkpoint}' cannot be resumed: '{checkpoint}' is damaged: the SHA-256 checksum of its entry 'optimizer.bin' does not match (the file changed after it was written).\n", error);
        CollectionAssert.AreEqual(checkpointBefore, File.ReadAllBytes(checkpoint));
        CollectionAssert.AreEqual(modelBefore, File.ReadAllBytes(temp.File("out/model.zip")));
    }

    [TestMethod]
    public void ADivergingRunFailsWithWhereItStoodAndLeavesTheLastModelAndCheckpoint()
    {
        using var temp = new TempDirectory();
        var good = TrainOneEpoch(temp);
        var model = temp.File("out/model.zip");
        var checkpoint = temp.File("out/workspace/checkpoint.zip");
        var modelBefore = File.ReadAllBytes(model);
        var checkpointBefore = File.ReadAllBytes(checkpoint);
        File.WriteAllText(good, File.ReadAllText(good).Replace("\"learningRate\": 0.05", "\"learningRate\": 1e30").Replace("\"maxEpoch\": 1", "\"maxEpoch\": 4"));

        var (code, _, error) = Run("train", "--config", good, "--progress", "plain");
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        StringAssert.Matches(error, new System.Text.RegularExpressions.Regex(
            @"^error: training failed: 20 optimizer steps in a row had a non-finite loss or gradient and were skipped \(the last at epoch \d, step \d+\)\."));
        StringAssert.Contains(error, "No checkpoint was written in this run.");
        CollectionAssert.AreEqual(modelBefore, File.ReadAllBytes(model), "the last saved model is kept");
        CollectionAssert.AreEqual(checkpointBefore, File.ReadAllBytes(checkpoint), "no checkpoint of diverged weights replaces the last good one");
    }

    /// <summary>A successful one-epoch run in <paramref name="temp"/> (out/model.zip, out/workspace/checkpoint.zip); returns its config.</summary>
    private static string TrainOneEpoch(TempDirectory temp)
    {
        var config = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1);
        Assert.AreEqual(ExitCodes.Success, Run("train", "--config", config, "--progress", "plain").Code);
        return config;
    }

    /// <summary>Changes one byte of <paramref name="entry"/>, keeping the zip valid and its checksums as they were.</summary>
    private static void FlipAByteOf(string zipPath, string entry)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var old = zip.GetEntry(entry)!;
        byte[] bytes;
        using (var stream = old.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        old.Delete();
        bytes[bytes.Length / 2] ^= 0x40;
        using var replaced = zip.CreateEntry(entry).Open();
        replaced.Write(bytes);
    }
}
