using System.Text.Json;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageInputTransformTests
{
    [TestMethod]
    public void PredictionInputsMatchTrainingBatches()
    {
        var root = Path.Combine(ImageFixtureTests.Root, "formats");
        var options = new ImageFolderOptions { ImageSize = new ImageSize(24, 24), ColorMode = ImageColorMode.Rgb };
        var loaded = ImageFolderLoader.Load(root, options);
        var normalization = ChannelNormalization.Fit(loaded.Images);
        var transform = new ImageInputTransform(3, new ImageSize(24, 24), normalization);
        using var producer = new ImageBatchProducer(loaded.Images, new ImageBatchProducerOptions { BatchSize = 64, Normalization = normalization });
        var batch = Array.Empty<float>();
        foreach (var b in producer.StartEpoch(Enumerable.Range(0, loaded.Images.Count).ToArray(), 0)) batch = b.InputSpan.ToArray(); // one batch
        for (var i = 0; i < loaded.Images.Count; i++)
        {
            CollectionAssert.AreEqual(batch.AsSpan(i * transform.InputLength, transform.InputLength).ToArray(), transform.ReadFile(loaded.Sources[i]), loaded.Sources[i]);
        }
        var back = JsonSerializer.Deserialize<ImageInputTransform>(JsonSerializer.Serialize(transform));
        Assert.AreEqual(transform, back);
    }
}
