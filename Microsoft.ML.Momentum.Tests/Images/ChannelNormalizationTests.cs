using System.Text.Json;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ChannelNormalizationTests
{
    // Two 1x2 RGB images: R = {0, 255, 0, 255}, G = {51 everywhere}, B = {0, 0, 0, 255}.
    private static LabeledImages TwoImages() => new([0, 255, 51, 51, 0, 0, 0, 255, 51, 51, 0, 255], [0, 1], 3, 1, 2, ["a", "b"]);

    [TestMethod]
    public void FitComputesPerChannelStatistics()
    {
        var normalization = ChannelNormalization.Fit(TwoImages());
        Assert.AreEqual(3, normalization.Channels);
        Assert.AreEqual(0.5, normalization.Mean[0], 1e-12);
        Assert.AreEqual(0.5, normalization.StdDev[0], 1e-12);
        Assert.AreEqual(0.2, normalization.Mean[1], 1e-12);
        Assert.AreEqual(1e-6, normalization.StdDev[1], 1e-18, "A constant channel gets the minimum deviation, not zero.");
        Assert.AreEqual(0.25, normalization.Mean[2], 1e-12);
        Assert.AreEqual(Math.Sqrt(0.25 - 0.0625), normalization.StdDev[2], 1e-12);
    }

    [TestMethod]
    public void FitOnIndicesUsesOnlyThoseImages()
    {
        var normalization = ChannelNormalization.Fit(TwoImages(), [1]);
        Assert.AreEqual(0.5, normalization.Mean[0], 1e-12);
        Assert.AreEqual(0.5, normalization.Mean[2], 1e-12);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ChannelNormalization.Fit(TwoImages(), [2]));
        Assert.ThrowsExactly<ArgumentException>(() => ChannelNormalization.Fit(TwoImages(), []));
    }

    [TestMethod]
    public void ApplyNormalizesEachPlaneWithItsOwnStatistics()
    {
        var normalization = new ChannelNormalization([0.5, 0.0], [0.5, 2.0]);
        var output = new float[4];
        normalization.Apply([0, 255, 255, 51], output);
        CollectionAssert.AreEqual(new[] { -1f, 1f, 0.5f, 0.1f }, output.Select(v => MathF.Round(v, 6)).ToArray());
        Assert.ThrowsExactly<ArgumentException>(() => normalization.Apply(new byte[3], new float[3]));
    }

    [TestMethod]
    public void FashionStatisticsMatchTheKnownValues()
    {
        TestEnvironment.RequireData(FashionMnist.IsAvailable(), "Fashion-MNIST (dataset-fashion-mnist)");
        var normalization = ChannelNormalization.Fit(FashionMnist.LoadTrain());
        // The widely quoted Fashion-MNIST training statistics: mean 0.2860, std 0.3530.
        Assert.AreEqual(0.2860, normalization.Mean[0], 5e-5);
        Assert.AreEqual(0.3530, normalization.StdDev[0], 5e-5);
    }

    [TestMethod]
    public void RoundTripsThroughJsonAndComparesByValue()
    {
        var normalization = ChannelNormalization.Fit(TwoImages());
        var json = JsonSerializer.Serialize(normalization);
        var back = JsonSerializer.Deserialize<ChannelNormalization>(json);
        Assert.AreEqual(normalization, back);
        Assert.AreEqual(normalization.GetHashCode(), back!.GetHashCode());
        Assert.AreNotEqual(normalization, ChannelNormalization.ScaleOnly(3));
        Assert.ThrowsExactly<ArgumentException>(() => new ChannelNormalization([0.5], [0.0]));
        Assert.ThrowsExactly<ArgumentException>(() => new ChannelNormalization([0.5, 0.5], [1.0]));
    }
}
