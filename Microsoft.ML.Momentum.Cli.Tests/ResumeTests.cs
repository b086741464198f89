using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Running;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class ResumeTests
{
    [TestMethod]
    public void TrainResumeContinuesFromTheCheckpointOfAnInterruptedRun()
    {
        using var temp = new TempDirectory();
        var path = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 2);
        var config = ConfigReader.ReadFile(path);
        using var cancellation = new CancellationTokenSource();
        var request = new TrainingRunRequest(config, false, p =>
        {
            if (p is { Phase: TrainingPhase.EpochEnd, Epoch: 1 }) cancellation.Cancel();
        });
        Assert.ThrowsExactly<OperationCanceledException>(() => new ImageBackend().Train(request, cancellation.Token));
        Assert.IsTrue(File.Exists(temp.File("out/workspace/checkpoint.zip")));
        Assert.IsFalse(File.Exists(temp.File("out/model.zip")));

        var (code, output, error) = Run("train", "--config", path, "--resume", "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        StringAssert.Contains(output, "epoch 2/2: train loss");
        Assert.DoesNotContain("epoch 1/2", output, "epoch 1 comes from the checkpoint");
        using var model = ImageClassificationModel.Load(temp.File("out/model.zip"));
        Assert.HasCount(2, model.Training!.History);
    }

    [TestMethod]
    public void ResumeWithoutACheckpointSaysSoAndStartsAfresh()
    {
        using var temp = new TempDirectory();
        var (code, output, error) = Run("train", "--config", ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1), "--resume", "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        StringAssert.Contains(output, $"no checkpoint in {temp.File("out/workspace")}; training from the start.\n");
        StringAssert.Contains(output, "epoch 1/1: train loss");
    }

    [TestMethod]
    public void ResumingWithAChangedRunIsRefusedNamingTheCheckpoint()
    {
        using var temp = new TempDirectory();
        var path = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1);
        Assert.AreEqual(ExitCodes.Success, Run("train", "--config", path, "--progress", "plain").Code);
        var (code, _, error) = Run("train", "--config", path, "--resume", "--max-epoch", "2", "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadData, code);
        StringAssert.StartsWith(error, $"error: Checkpoint '{temp.File("out/workspace/checkpoint.zip")}' cannot be resumed:");
        StringAssert.Contains(error, "belongs to another run");
    }
}
