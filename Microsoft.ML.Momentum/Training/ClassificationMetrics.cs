namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Multiclass metrics of a model on a labelled set, in ML.NET's vocabulary: accuracy (micro), macro-F1,
/// log-loss, per-class precision and recall, and the confusion matrix (rows = true class, columns = predicted).
/// </summary>
public sealed record ClassificationMetrics
{
    /// <summary>Number of examples evaluated.</summary>
    public required int Count { get; init; }

    /// <summary>Fraction of examples whose predicted class is the label (ML.NET's MicroAccuracy).</summary>
    public required double Accuracy { get; init; }

    /// <summary>Unweighted mean of the per-class F1 scores.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Mean negative log-likelihood of the labels under the softmax of the logits (natural log).</summary>
    public required double LogLoss { get; init; }

    /// <summary>Precision per class (0 for a class never predicted).</summary>
    public required IReadOnlyList<double> PerClassPrecision { get; init; }

    /// <summary>Recall per class (0 for a class absent from the labels).</summary>
    public required IReadOnlyList<double> PerClassRecall { get; init; }

    /// <summary>Counts [true class][predicted class].</summary>
    public required IReadOnlyList<IReadOnlyList<long>> ConfusionMatrix { get; init; }

    /// <summary>The value of <paramref name="metric"/>.</summary>
    /// <param name="metric">Which metric.</param>
    public double Get(ClassificationMetric metric) => metric switch
    {
        ClassificationMetric.Accuracy => Accuracy,
        ClassificationMetric.MacroF1 => MacroF1,
        ClassificationMetric.LogLoss => LogLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}

/// <summary>A metric that early stopping and model selection can watch.</summary>
public enum ClassificationMetric
{
    /// <summary>Accuracy (higher is better).</summary>
    Accuracy,
    /// <summary>Macro-averaged F1 (higher is better).</summary>
    MacroF1,
    /// <summary>Log-loss (lower is better).</summary>
    LogLoss,
}
