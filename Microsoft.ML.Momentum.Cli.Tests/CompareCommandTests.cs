using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Cli.Running;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class CompareCommandTests
{
    [TestMethod]
    public void CompareTwoOptimizersWritesRunsTableAndReport()
    {
        using var temp = new TempDirectory();
        var config = ImageConfig(temp, RepoPaths.Fashion, maxEpoch: 1,
            extraTraining: ", \"learningRate\": 0.3, \"learningRateSchedule\": {\"name\": \"constant\"}");
        var (code, output, error) = Run("compare", "--config", config, "--optimizers", "momo,autoDrop", "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        var directory = temp.File("out/compare");
        foreach (var run in new[] { "momo-seed3", "autoDrop-seed3" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(directory, run, "model.zip")), run);
            Assert.IsTrue(File.Exists(Path.Combine(directory, run, "report.html")), run);
        }
        var csv = File.ReadAllLines(Path.Combine(directory, "comparison.csv"));
        Assert.HasCount(3, csv);
        StringAssert.StartsWith(csv[1], "momo,1,");
        StringAssert.StartsWith(csv[2], "autoDrop,1,");
        StringAssert.Contains(File.ReadAllText(Path.Combine(directory, "comparison.html")), $"id=\"{ComparisonReport.ValidationAccuracyChart}\"");
        StringAssert.Contains(output, "optimizer  runs  validation accuracy");
        StringAssert.Contains(output, $"report: {directory}/comparison.html\n");

        // Each run uses the optimizer's recommended settings, not the config's learning rate and schedule.
        var autoDrop = RunMetricsJson.Read(Path.Combine(directory, "autoDrop-seed3", "metrics.json"));
        var optimizer = OptimizerJson.Deserialize(autoDrop.OptimizerJson!);
        Assert.IsInstanceOfType<SgdMomentum>(optimizer);
        Assert.IsInstanceOfType<AutoDrop>(optimizer.Controller);
        Assert.AreEqual(0.05, optimizer.LearningRate);
        Assert.IsNull(optimizer.LearningRateSchedule);
        Assert.AreEqual("autoDrop", autoDrop.OptimizerName);
    }

    [TestMethod]
    public void OptimizerListsParseNamesAliasesAndLearningRates()
    {
        var list = ComparedOptimizer.ParseList("demonSgd, momo:0.5,autoDropAdam,sgdMomentum");
        CollectionAssert.AreEqual(new[] { "demonSgd", "momo:0.5", "autoDropAdam", "sgdMomentum" }, list.Select(o => o.Label).ToArray());
        Assert.AreEqual(0.05, list[0].Optimizer.LearningRate);
        Assert.IsInstanceOfType<Momo>(list[1].Optimizer);
        Assert.AreEqual(0.5, list[1].Optimizer.LearningRate);
        Assert.IsInstanceOfType<Adam>(list[2].Optimizer);
        Assert.IsInstanceOfType<AutoDrop>(list[2].Optimizer.Controller);
        Assert.IsInstanceOfType<CosineSchedule>(list[3].Optimizer.LearningRateSchedule);
        foreach (var name in ComparedOptimizer.Names) Assert.IsNotNull(ComparedOptimizer.Recommended(name), name);
    }

    [TestMethod]
    [DataRow("momo,adm", "--optimizers: unknown optimizer 'adm'; did you mean 'adam'?")]
    [DataRow("momo,momo", "--optimizers lists 'momo' twice.")]
    [DataRow("adam:fast", "--optimizers: 'adam:fast': the learning rate after ':' must be a positive number, e.g. adam:0.01")]
    [DataRow(" , ", "--optimizers lists no optimizer; e.g. --optimizers demonSgd,momo,autoDrop,sgdMomentum")]
    public void BadOptimizerListsAreBadUsage(string list, string message)
    {
        using var temp = new TempDirectory();
        var (code, _, error) = Run("compare", "--config", ImageConfig(temp, RepoPaths.Fashion), "--optimizers", list);
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual($"error: {message}\n", error);
    }

    [TestMethod]
    public void BadSeedsAreBadUsage()
    {
        using var temp = new TempDirectory();
        var (code, _, error) = Run("compare", "--config", ImageConfig(temp, RepoPaths.Fashion), "--optimizers", "momo", "--seeds", "1,x");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual($"error: --seeds: 'x' is not a seed (a whole number from 0 to {int.MaxValue}).\n", error);
    }
}
