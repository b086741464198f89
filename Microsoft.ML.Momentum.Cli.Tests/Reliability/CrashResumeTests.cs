using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests.Reliability;

/// <summary>
/// Real <c>momentum train</c> processes killed with SIGKILL at seeded moments (some inside a checkpoint or model
/// write, widened by the test-only write delay); after each kill, <c>--resume</c> finishes the run with weights
/// bit-identical to an uninterrupted run, and no output file is ever partly written.
/// </summary>
[TestClass]
public sealed class CrashResumeTests
{
    private const int Epochs = 4;
    private static readonly Dictionary<string, string> SlowWrites = new() { [AtomicFile.TestDelayVariable] = "150" };

    /// <summary>Kills per run of the suite; <c>benchmarks/reliability.sh</c> runs more through <see cref="KillsFromEnvironment"/>.</summary>
    [TestMethod]
    public void KilledTrainingResumesToTheUninterruptedWeights() => KillAndResume(trials: 10, seed: 19);

    [TestMethod]
    [TestCategory("Soak")]
    public void KilledTrainingResumesToTheUninterruptedWeightsManyTimes() =>
        KillAndResume(trials: int.TryParse(Environment.GetEnvironmentVariable("MOMENTUM_CRASH_TRIALS"), out var n) ? n : 100, seed: 1919);

    private static void KillAndResume(int trials, int seed)
    {
        using var temp = new TempDirectory();
        var config = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: Epochs, extraTraining: ", \"checkpointEveryNEpochs\": 1");
        var clock = Stopwatch.StartNew();
        Assert.AreEqual(ExitCodes.Success, CliProcess.Run(temp.Path, SlowWrites, "train", "--config", config, "--progress", "plain"));
        var fullRun = clock.Elapsed;
        var expected = WeightsOf(temp.File("out/model.zip"));

        var random = new Random(seed);
        var survived = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var output = temp.File("out");
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            var moment = (trial % 3) switch
            {
                0 => KillMoment.InCheckpointWrite,
                1 => KillMoment.InModelWrite,
                _ => KillMoment.Random,
            };
            var delay = TimeSpan.FromSeconds(random.NextDouble() * 0.7 * fullRun.TotalSeconds);
            var checkpoint = random.Next(1, Epochs + 1);
            // The machine's load varies: a run that ended before its moment is run again with half the delay.
            for (var attempt = 0; !Kill(temp.Path, config, moment, delay, checkpoint); attempt++, delay /= 2)
            {
                Assert.IsTrue(moment == KillMoment.Random && attempt < 5, $"trial {trial} ({moment}): the run ended before it could be killed");
                Directory.Delete(output, recursive: true);
            }
            AssertNoPartialFile(output);

            var (code, _, error) = Run("train", "--config", config, "--resume", "--progress", "plain");
            Assert.AreEqual(ExitCodes.Success, code, $"trial {trial} ({moment}): {error}");
            CollectionAssert.AreEqual(expected, WeightsOf(temp.File("out/model.zip")), $"trial {trial} ({moment}) resumed to other weights");
            survived++;
        }
        Assert.AreEqual(trials, survived);
    }

    private enum KillMoment { Random, InCheckpointWrite, InModelWrite }

    /// <summary>Starts a run and kills it (SIGKILL) at <paramref name="moment"/>: after <paramref name="delay"/>, or while the n-th checkpoint (or the model) is being written.</summary>
    private static bool Kill(string directory, string config, KillMoment moment, TimeSpan delay, int checkpointNumber)
    {
        using var process = CliProcess.Start(directory, SlowWrites, "train", "--config", config, "--progress", "plain");
        var workspace = Path.Combine(directory, "out", "workspace");
        var output = Path.Combine(directory, "out");
        var clock = Stopwatch.StartNew();
        var checkpointsSeen = 0;
        var inCheckpoint = false;
        while (!process.HasExited)
        {
            var hit = moment switch
            {
                KillMoment.Random => clock.Elapsed >= delay,
                KillMoment.InModelWrite => TemporaryOf(output, "model.zip"),
                _ => CheckpointWriteNumber(workspace, ref inCheckpoint, ref checkpointsSeen) == checkpointNumber,
            };
            if (hit) break;
            Thread.Sleep(5);
        }
        var killed = !process.HasExited;
        if (killed) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return killed;
    }

    /// <summary>Counts checkpoint writes as their temporary files appear; returns the number of the one in progress (0 when none).</summary>
    private static int CheckpointWriteNumber(string workspace, ref bool inWrite, ref int seen)
    {
        var writing = TemporaryOf(workspace, "checkpoint.zip");
        if (writing && !inWrite) seen++;
        inWrite = writing;
        return writing ? seen : 0;
    }

    private static bool TemporaryOf(string directory, string target) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, $".{target}.*.tmp").Any();

    /// <summary>Every model, checkpoint and metrics file left behind is whole: zips verify, JSON parses.</summary>
    private static void AssertNoPartialFile(string output)
    {
        if (!Directory.Exists(output)) return;
        foreach (var zip in new[] { Path.Combine(output, "model.zip"), Path.Combine(output, "workspace", "checkpoint.zip") }.Where(File.Exists))
        {
            using var archive = ZipFile.OpenRead(zip);
            Assert.IsNotNull(archive.GetEntry(ZipChecksums.EntryName), zip);
            ZipChecksums.Verify(archive, zip);
        }
        var metrics = Path.Combine(output, "metrics.json");
        if (File.Exists(metrics)) using (JsonDocument.Parse(File.ReadAllText(metrics))) { }
    }

    private static byte[] WeightsOf(string model)
    {
        using var archive = ZipFile.OpenRead(model);
        using var stream = archive.GetEntry("weights.bin")!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
