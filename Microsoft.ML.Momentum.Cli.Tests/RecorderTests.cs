using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

[TestClass]
public sealed class RecorderTests
{
    [TestMethod]
    public void RecordsOneRowPerStepReportAndPerEpoch()
    {
        var metrics = SyntheticRun.Metrics(epochs: 3);
        Assert.AreEqual(30, metrics.Steps.Count);
        Assert.AreEqual(3, metrics.Epochs.Count);
        Assert.AreEqual(300, metrics.Epochs[^1].Step);
        Assert.IsNotNull(metrics.Epochs[0].ValidationAccuracy);
    }

    [TestMethod]
    public void NotApplicableValuesAreNull()
    {
        var metrics = SyntheticRun.Metrics(momo: false, autoDrop: false);
        Assert.IsTrue(metrics.Steps.All(s => s.LowerBound is null && s.PolyakStepSize is null && s.AngularVelocity is null));
        Assert.IsTrue(metrics.Steps.All(s => s.LearningRate is not null && s.Momentum is not null));
    }

    [TestMethod]
    public void JsonRoundTrips()
    {
        var metrics = SyntheticRun.Metrics();
        var json = RunMetricsJson.Serialize(metrics);
        StringAssert.Contains(json, "\"angularVelocity\"");
        var back = RunMetricsJson.Deserialize(json);
        Assert.AreEqual(metrics.Steps.Count, back.Steps.Count);
        Assert.AreEqual(metrics.Steps[5].Loss, back.Steps[5].Loss);
        Assert.AreEqual(metrics.Final!.ConfusionMatrix[1][1], back.Final!.ConfusionMatrix[1][1]);
        CollectionAssert.AreEqual(metrics.ClassNames.ToArray(), back.ClassNames.ToArray());
    }

    [TestMethod]
    public void CsvHasOneRowPerStepAndEpochInStepOrder()
    {
        var metrics = SyntheticRun.Metrics(epochs: 2);
        var lines = MetricsCsv.Format(metrics).TrimEnd('\n').Split('\n');
        Assert.AreEqual(string.Join(',', MetricsCsv.Columns), lines[0]);
        Assert.AreEqual(1 + 20 + 2, lines.Length);
        Assert.IsTrue(lines.Skip(1).All(l => l.Split(',').Length == MetricsCsv.Columns.Length));
        Assert.IsTrue(lines[11].StartsWith("epoch,1,100,", StringComparison.Ordinal), lines[11]);
        Assert.IsTrue(lines[10].StartsWith("step,1,100,", StringComparison.Ordinal), lines[10]);
    }

    [TestMethod]
    public void DropsAreFoundWhereTheCounterRises()
    {
        var drops = DropPoints.Find(SyntheticRun.Metrics());
        CollectionAssert.AreEqual(new[] { 130.0, 270.0 }, drops.Select(d => d.X).ToArray());
        Assert.AreEqual("drop 1 by step 130, learning rate now 0.05", drops[0].Label);
    }

    [TestMethod]
    public void FinalCopiesLibraryMetrics()
    {
        var final = RunRecorder.Final("validation", SyntheticRun.Metrics(0.5, 1.2));
        Assert.AreEqual("validation", final.Split);
        Assert.AreEqual(0.5, final.Accuracy);
        Assert.AreEqual(5, final.ConfusionMatrix.Count);
    }

    [TestMethod]
    public void MalformedMetricsFileIsBadData()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("m.json"), "{\"title\": 3}");
        Assert.ThrowsExactly<InvalidDataException>(() => RunMetricsJson.Read(temp.File("m.json")));
    }

    [TestMethod]
    public void RecorderKeepsEpochEndPhaseSeparate()
    {
        var recorder = new RunRecorder();
        recorder.Record(SyntheticRun.Report(TrainingPhase.EpochEnd, 1, 1, 100, 100, new Random(1), false, false, null));
        Assert.AreEqual(0, recorder.Steps.Count);
        Assert.AreEqual(1, recorder.Epochs.Count);
        Assert.IsNull(recorder.Epochs[0].ValidationAccuracy);
    }
}
