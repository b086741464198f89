using System.Text.RegularExpressions;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class ReportTests
{
    [TestMethod]
    public void ReportHasEveryChart()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics());
        foreach (var id in ReportCharts.All) StringAssert.Contains(html, $"<svg id=\"{id}\"", id);
    }

    [TestMethod]
    public void DropsAreMarkedOnLearningRateAndAngularVelocity()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics());
        Assert.AreEqual(4, Regex.Matches(html, "class=\"drop-marker\"").Count);
        StringAssert.Contains(html, "drop 2 by step 270, learning rate now 0.025");
    }

    [TestMethod]
    public void ConfusionMatrixNamesTheClasses()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics());
        StringAssert.Contains(html, "id=\"confusion-matrix\"");
        StringAssert.Contains(html, "<th>T-shirt/top</th>");
        StringAssert.Contains(html, "<th class=\"name\">Coat</th>");
        StringAssert.Contains(html, "id=\"final-metrics\"");
        StringAssert.Contains(html, "88.00%");
    }

    [TestMethod]
    public void ChartsThatDoNotApplyAreExplained()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics(momo: false, autoDrop: false, optimizer: "sgdMomentum"));
        Assert.IsFalse(html.Contains($"<svg id=\"{ReportCharts.MomoStepSize}\"", StringComparison.Ordinal));
        StringAssert.Contains(html, "MoMo step size: not recorded (sgdMomentum is not MoMo).");
        StringAssert.Contains(html, "AutoDrop angular velocity: not recorded (sgdMomentum has no AutoDrop controller).");
        StringAssert.Contains(html, $"<svg id=\"{ReportCharts.Loss}\"");
    }

    [TestMethod]
    public void ReportIsSelfContained()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics());
        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.IsFalse(Regex.IsMatch(html, "(src|href)\\s*=", RegexOptions.IgnoreCase));
        Assert.IsFalse(html.Contains("url(", StringComparison.OrdinalIgnoreCase));
        var external = Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value).Distinct().ToArray();
        CollectionAssert.AreEqual(new[] { "http://www.w3.org/2000/svg" }, external);
    }

    [TestMethod]
    public void TitlesAreEscaped()
    {
        var html = TrainingReport.Render(SyntheticRun.Metrics() with { Title = "<b>x</b> & y" });
        StringAssert.Contains(html, "&lt;b&gt;x&lt;/b&gt; &amp; y");
    }

    [TestMethod]
    public void ComparisonReportHasTableAndOverlaidCurves()
    {
        var runs = new[]
        {
            SyntheticRun.Metrics(optimizer: "momo", seed: 1), SyntheticRun.Metrics(optimizer: "momo", seed: 2),
            SyntheticRun.Metrics(momo: false, autoDrop: false, optimizer: "demonSgd", seed: 1),
        };
        var html = ComparisonReport.Render("Fashion-MNIST", runs);
        StringAssert.Contains(html, "id=\"comparison\"");
        foreach (var id in new[] { ComparisonReport.ValidationAccuracyChart, ComparisonReport.TrainLossChart, ComparisonReport.LearningRateChart })
        {
            StringAssert.Contains(html, $"<svg id=\"{id}\"");
        }
        Assert.AreEqual(6, Regex.Matches(html, "class=\"series\"").Count);
        var csv = ComparisonReport.Csv(runs).Split('\n');
        StringAssert.StartsWith(csv[1], "momo,2,0.88,0,");
        StringAssert.StartsWith(csv[2], "demonSgd,1,0.88,,");
    }

    [TestMethod]
    public void AxisTicksAreRound()
    {
        var scale = new AxisScale(0.013, 0.97, 0, 100, log: false);
        CollectionAssert.AreEqual(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, scale.Ticks().Select(t => Math.Round(t, 10)).ToArray());
        var log = new AxisScale(1e-4, 0.1, 0, 100, log: true);
        CollectionAssert.AreEqual(new[] { 1e-4, 1e-3, 1e-2, 1e-1 }, log.Ticks().Select(t => Math.Round(t, 12)).ToArray());
    }

    [TestMethod]
    public void ChartWithoutDataSaysSo()
    {
        var chart = new LineChart("c", "Empty", "x", "y");
        Assert.IsFalse(chart.HasData);
        StringAssert.Contains(chart.ToSvg(), "no data");
    }
}
