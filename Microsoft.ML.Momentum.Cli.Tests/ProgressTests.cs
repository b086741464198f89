using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class ProgressTests
{
    [TestMethod]
    public void StepLineHasEveryQuantity()
    {
        var p = SyntheticRun.Report(TrainingPhase.Step, 2, 4, 150, 400, new Random(1), momo: true, autoDrop: true, validation: null) with
        {
            Loss = 0.41234, SamplesPerSecond = 4210, Elapsed = TimeSpan.FromSeconds(75),
        };
        var line = ProgressFormatter.Step(p);
        StringAssert.StartsWith(line, "epoch 2/4 · step 150/400 · loss 0.4123 · lr 0.05 · momentum ");
        StringAssert.Contains(line, " · τ ");
        StringAssert.Contains(line, " · drops 1 · 4,210 samples/s · ETA 00:02:05");
    }

    [TestMethod]
    public void EpochLineHasValidation()
    {
        var p = SyntheticRun.Report(TrainingPhase.EpochEnd, 1, 4, 100, 400, new Random(1), false, false, SyntheticRun.Metrics(0.8512, 0.4)) with
        {
            EpochLoss = 0.5, EpochAccuracy = 0.8, Elapsed = TimeSpan.FromSeconds(12),
        };
        Assert.AreEqual("epoch 1/4: train loss 0.5000, accuracy 80.00% · validation loss 0.4000, accuracy 85.12%, macro-F1 0.8412 · lr 0.1 · 00:00:12 elapsed",
            ProgressFormatter.Epoch(p));
    }

    [TestMethod]
    public void EtaBeforeTheFirstStepIsUnknown()
    {
        var p = SyntheticRun.Report(TrainingPhase.Step, 1, 1, 0, 100, new Random(1), false, false, null);
        Assert.AreEqual("--:--:--", ProgressFormatter.Eta(p));
    }

    [TestMethod]
    public void PlainDisplayWritesOneLinePerReport()
    {
        var output = new StringWriter();
        var display = new PlainProgressDisplay(output);
        var result = display.Run("title", report =>
        {
            foreach (var p in SyntheticRun.Progress(epochs: 2)) report(p);
            return 42;
        });
        Assert.AreEqual(42, result);
        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.AreEqual(1 + 20 + 2, lines.Length);
        Assert.AreEqual("title", lines[0]);
        StringAssert.StartsWith(lines[11], "epoch 1/2: train loss");
    }

    [TestMethod]
    public void RedirectedOutputGetsPlainLines()
    {
        Assert.IsInstanceOfType<PlainProgressDisplay>(ProgressDisplays.Create(ProgressMode.Auto, new StringWriter()));
        Assert.IsInstanceOfType<PlainProgressDisplay>(ProgressDisplays.Create(ProgressMode.Plain, Console.Out));
    }

    [TestMethod]
    public void LiveDisplayRunsTheWork()
    {
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(new StringWriter()),
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        var result = new LiveProgressDisplay(console).Run("title", report =>
        {
            foreach (var p in SyntheticRun.Progress(epochs: 1)) report(p);
            return 7;
        });
        Assert.AreEqual(7, result);
    }
}
