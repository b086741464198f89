using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;

namespace Microsoft.ML.Momentum.Training;

/// <summary>Runs a <see cref="TrainingBatch"/> through a <see cref="TorchModel"/>, dense or token, for training or logits.</summary>
internal static class ModelBatchRunner
{
    public static TrainStepResult Train(TorchModel model, TrainingBatch batch) => batch.Tokens is { } tokens
        ? model.TrainStepTokens(tokens.AsSpan(0, batch.Count * batch.SequenceLength), batch.SequenceLength, batch.UsedLabels)
        : model.TrainStep(batch.Dense.AsSpan(0, batch.Count * batch.ExampleLength), batch.UsedLabels);

    public static void Logits(TorchModel model, TrainingBatch batch, Span<float> logits)
    {
        if (batch.Tokens is { } tokens) model.ForwardTokens(tokens.AsSpan(0, batch.Count * batch.SequenceLength), batch.SequenceLength, logits);
        else model.Forward(batch.Dense.AsSpan(0, batch.Count * batch.ExampleLength), logits);
    }

    /// <summary>Metrics of the model (in evaluation mode) over a whole source.</summary>
    public static ClassificationMetrics Evaluate(TorchModel model, IBatchSource source, int batchSize, CancellationToken cancellation)
    {
        var wasTraining = model.IsTraining;
        model.IsTraining = false;
        try
        {
            var metrics = new MetricsAccumulator(model.ClassCount);
            var logits = new float[batchSize * model.ClassCount];
            var order = Enumerable.Range(0, source.Count).ToArray();
            foreach (var batch in source.Batches(order, 0, batchSize, augment: false, epoch: 0, cancellation))
            {
                var used = logits.AsSpan(0, batch.Count * model.ClassCount);
                Logits(model, batch, used);
                metrics.Add(used, batch.UsedLabels);
            }
            return metrics.Result();
        }
        finally
        {
            model.IsTraining = wasTraining;
        }
    }
}
