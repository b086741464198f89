using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>Folder → normalization → augmented prefetched batches → native training steps.</summary>
[TestClass]
public sealed class ImagePipelineEndToEndTests
{
    [TestMethod]
    public void TrainsOnTheFashionFixtureFolder()
    {
        var data = ImageFolderLoader.Load(Path.Combine(ImageFixtureTests.Root, "fashion")).Images;
        var random = new Random(7);
        var normalization = ChannelNormalization.Fit(data);
        using var model = TorchModel.Create(NetworkSpec.Mlp(data.Channels, data.Height, data.Width, data.ClassNames.Count, 64), seed: 7);
        var optimizer = new SgdMomentum { LearningRate = 0.02, Momentum = 0.9 };
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions
        {
            BatchSize = 30, Normalization = normalization, Augmentation = new ImageAugmentation(2, true), Seed = random.NextInt64(),
        });
        var order = Enumerable.Range(0, data.Count).ToArray();
        var losses = new List<double>();
        model.IsTraining = true;
        for (var epoch = 0; epoch < 15; epoch++)
        {
            random.Shuffle(order);
            double sum = 0;
            foreach (var batch in producer.StartEpoch(order, epoch))
            {
                var step = model.TrainStep(batch.InputSpan, batch.LabelSpan);
                optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), step.Loss);
                sum += step.Loss * batch.Count;
            }
            losses.Add(sum / data.Count);
        }

        model.IsTraining = false;
        using var evaluation = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 100, Normalization = normalization });
        var correct = 0;
        foreach (var batch in evaluation.StartEpoch(Enumerable.Range(0, data.Count).ToArray(), 0))
        {
            var logits = model.Forward(batch.InputSpan);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = logits.AsSpan(i * 10, 10);
                if (row.IndexOf(TensorMax(row)) == batch.Labels[i]) correct++;
            }
        }
        var accuracy = (double)correct / data.Count;
        Console.WriteLine($"loss by epoch: {string.Join(", ", losses.Select(l => l.ToString("F3")))}; training accuracy {accuracy:P1}");
        Assert.IsLessThan(losses[0] * 0.7, losses.TakeLast(3).Average());
        Assert.IsGreaterThan(0.5, accuracy);
    }

    private static float TensorMax(ReadOnlySpan<float> values)
    {
        var max = values[0];
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }
}
