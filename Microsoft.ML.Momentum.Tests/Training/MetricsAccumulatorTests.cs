using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Training;

[TestClass]
public sealed class MetricsAccumulatorTests
{
    [TestMethod]
    public void ComputesAccuracyMacroF1LogLossAndTheConfusionMatrix()
    {
        var metrics = new MetricsAccumulator(3);
        // Predictions (arg-max): 0, 0, 1, 2, 2 for labels 0, 1, 1, 2, 0.
        metrics.Add([2f, 0f, 0f, 1f, 0f, 0f, 0f, 3f, 0f], [0, 1, 1]);
        metrics.Add([0f, 0f, 1f, 0f, 0f, 5f], [2, 0]);
        var result = metrics.Result();
        Assert.AreEqual(5, result.Count);
        Assert.AreEqual(3.0 / 5, result.Accuracy, 1e-12);
        CollectionAssert.AreEqual(new long[] { 1, 0, 1 }, result.ConfusionMatrix[0].ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 1, 0 }, result.ConfusionMatrix[1].ToArray());
        CollectionAssert.AreEqual(new long[] { 0, 0, 1 }, result.ConfusionMatrix[2].ToArray());
        // Precision 1/2, 1/1, 1/2; recall 1/2, 1/2, 1/1 → F1 1/2, 2/3, 2/3.
        Assert.AreEqual((0.5 + 2.0 / 3 + 2.0 / 3) / 3, result.MacroF1, 1e-12);
        CollectionAssert.AreEqual(new[] { 0.5, 1.0, 0.5 }, result.PerClassPrecision.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 1.0 }, result.PerClassRecall.ToArray());
        double Nll(double[] logits, int label) => Math.Log(logits.Sum(Math.Exp)) - logits[label];
        var expected = (Nll([2, 0, 0], 0) + Nll([1, 0, 0], 1) + Nll([0, 3, 0], 1) + Nll([0, 0, 1], 2) + Nll([0, 0, 5], 0)) / 5;
        Assert.AreEqual(expected, result.LogLoss, 1e-9);
    }

    [TestMethod]
    public void LogLossIsStableForHugeLogits()
    {
        var metrics = new MetricsAccumulator(2);
        metrics.Add([1000f, -1000f], [0]);
        Assert.AreEqual(0, metrics.Result().LogLoss, 1e-12);
    }
}
