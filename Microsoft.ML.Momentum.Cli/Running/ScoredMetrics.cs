using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The library's classification metrics (accuracy, macro-F1, log-loss, confusion matrix) of a scored data view:
/// the label key and the <see cref="ViewColumns.Score"/> probabilities the fitted pipeline appended.
/// </summary>
internal static class ScoredMetrics
{
    /// <summary>The smallest probability whose logarithm is taken, so a zero score costs a large finite loss.</summary>
    private const float MinProbability = 1e-30f;

    public static ClassificationMetrics Of(IDataView scored, int classCount, CancellationToken cancellationToken)
    {
        var label = scored.Schema[ViewColumns.Label];
        var score = scored.Schema[ViewColumns.Score];
        var metrics = new MetricsAccumulator(classCount);
        var logProbabilities = new float[classCount];
        using var cursor = scored.GetRowCursor([label, score]);
        var readLabel = cursor.GetGetter<uint>(label);
        var readScore = cursor.GetGetter<VBuffer<float>>(score);
        uint key = 0;
        VBuffer<float> scores = default;
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            readLabel(ref key);
            if (key == 0) continue;
            readScore(ref scores);
            var values = scores.DenseValues().GetEnumerator();
            for (var c = 0; c < classCount && values.MoveNext(); c++) logProbabilities[c] = MathF.Log(MathF.Max(values.Current, MinProbability));
            metrics.Add(logProbabilities, [key - 1]);
        }
        return metrics.Result();
    }
}
