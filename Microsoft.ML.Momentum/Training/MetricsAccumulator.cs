namespace Microsoft.ML.Momentum.Training;

/// <summary>Accumulates logits and labels batch by batch into <see cref="ClassificationMetrics"/>.</summary>
public sealed class MetricsAccumulator
{
    private readonly long[,] _confusion;
    private double _logLossSum;
    private int _count;

    /// <summary>Creates an accumulator for <paramref name="classCount"/> classes.</summary>
    /// <param name="classCount">Number of classes (width of the logits).</param>
    public MetricsAccumulator(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ClassCount = classCount;
        _confusion = new long[classCount, classCount];
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Adds a batch: logits row-major (labels.Length × <see cref="ClassCount"/>) and the true labels.</summary>
    /// <param name="logits">The model's logits.</param>
    /// <param name="labels">The true class of each row.</param>
    public void Add(ReadOnlySpan<float> logits, ReadOnlySpan<long> labels)
    {
        if (logits.Length != labels.Length * ClassCount)
        {
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * ClassCount} logits; got {logits.Length}.", nameof(logits));
        }
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * ClassCount, ClassCount);
            var label = (int)labels[i];
            var predicted = ArgMax(row);
            _confusion[label, predicted]++;
            _logLossSum += LogSumExp(row) - row[label];
            _count++;
        }
    }

    /// <summary>The metrics of everything added so far.</summary>
    public ClassificationMetrics Result()
    {
        var precision = new double[ClassCount];
        var recall = new double[ClassCount];
        double f1Sum = 0;
        long correct = 0;
        for (var c = 0; c < ClassCount; c++)
        {
            long predicted = 0, actual = 0;
            for (var k = 0; k < ClassCount; k++)
            {
                predicted += _confusion[k, c];
                actual += _confusion[c, k];
            }
            var truePositives = _confusion[c, c];
            correct += truePositives;
            precision[c] = predicted == 0 ? 0 : (double)truePositives / predicted;
            recall[c] = actual == 0 ? 0 : (double)truePositives / actual;
            f1Sum += precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        var matrix = Enumerable.Range(0, ClassCount)
            .Select(r => (IReadOnlyList<long>)Enumerable.Range(0, ClassCount).Select(c => _confusion[r, c]).ToArray())
            .ToArray();
        return new ClassificationMetrics
        {
            Count = _count,
            Accuracy = _count == 0 ? 0 : (double)correct / _count,
            MacroF1 = f1Sum / ClassCount,
            LogLoss = _count == 0 ? 0 : _logLossSum / _count,
            PerClassPrecision = precision,
            PerClassRecall = recall,
            ConfusionMatrix = matrix,
        };
    }

    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }

    private static double LogSumExp(ReadOnlySpan<float> values)
    {
        double max = values[ArgMax(values)];
        double sum = 0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
