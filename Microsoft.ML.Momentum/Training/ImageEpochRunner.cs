using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// The first training loop: seeded shuffling, minibatches of normalized images, one native training step
/// and one optimizer step per batch over the model's flat CPU buffers, and batched evaluation.
/// </summary>
internal static class ImageEpochRunner
{
    /// <summary>Trains one epoch; returns the mean training loss and accuracy.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(NativeModel model, IOptimizer optimizer, LabeledImages data,
        PixelNormalization normalization, int batchSize, Random shuffle, CancellationToken cancellation = default)
    {
        var order = Enumerable.Range(0, data.Count).ToArray();
        shuffle.Shuffle(order);
        var inputs = new float[batchSize * data.ImageLength];
        var labels = new long[batchSize];
        double lossSum = 0;
        long correct = 0;
        model.IsTraining = true;
        var parameters = model.Parameters.AsSpan();
        var gradients = model.Gradients.AsSpan();
        for (var start = 0; start < data.Count; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, data.Count - start);
            FillBatch(data, normalization, order.AsSpan(start, count), inputs, labels);
            var result = model.TrainStep(inputs.AsSpan(0, count * data.ImageLength), labels.AsSpan(0, count));
            optimizer.Step(parameters, gradients, result.Loss);
            lossSum += result.Loss * count;
            correct += result.Correct;
        }
        return (lossSum / data.Count, (double)correct / data.Count);
    }

    /// <summary>Accuracy of the model on <paramref name="data"/> in evaluation mode.</summary>
    public static double Accuracy(NativeModel model, LabeledImages data, PixelNormalization normalization, int batchSize = 1000)
    {
        var inputs = new float[batchSize * data.ImageLength];
        var labels = new long[batchSize];
        var logits = new float[batchSize * model.ClassCount];
        var indices = Enumerable.Range(0, data.Count).ToArray();
        long correct = 0;
        model.IsTraining = false;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            FillBatch(data, normalization, indices.AsSpan(start, count), inputs, labels);
            var output = logits.AsSpan(0, count * model.ClassCount);
            model.Forward(inputs.AsSpan(0, count * data.ImageLength), output);
            for (var i = 0; i < count; i++)
            {
                var row = output.Slice(i * model.ClassCount, model.ClassCount);
                if (ArgMax(row) == labels[i]) correct++;
            }
        }
        return (double)correct / data.Count;
    }

    private static void FillBatch(LabeledImages data, PixelNormalization normalization, ReadOnlySpan<int> indices, Span<float> inputs, Span<long> labels)
    {
        var length = data.ImageLength;
        for (var i = 0; i < indices.Length; i++)
        {
            var index = indices[i];
            normalization.Apply(data.Pixels.AsSpan(index * length, length), inputs.Slice(i * length, length));
            labels[i] = data.Labels[index];
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }
}
