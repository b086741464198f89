namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// Everything recorded about one run, as written to the metrics JSON: the logged steps, the epochs, the final
/// metrics. The HTML report is drawn from this alone, so <c>momentum report</c> can redraw it later.
/// Values that do not apply (MoMo's bound for SGD, validation without validation data) are null.
/// </summary>
internal sealed record RunMetrics
{
    public int FormatVersion { get; init; } = 1;

    /// <summary>A title for the report, e.g. "imageClassification: smallCnn, demonSgd".</summary>
    public required string Title { get; init; }

    public string? Scenario { get; init; }

    /// <summary>The optimizer's registry name ("momo").</summary>
    public string? OptimizerName { get; init; }

    /// <summary>The optimizer configuration as JSON.</summary>
    public string? OptimizerJson { get; init; }

    public int? Seed { get; init; }

    public IReadOnlyList<string> ClassNames { get; init; } = [];

    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    public IReadOnlyList<EpochRecord> Epochs { get; init; } = [];

    /// <summary>The epoch whose weights the model holds.</summary>
    public int? SelectedEpoch { get; init; }

    public bool StoppedEarly { get; init; }

    /// <summary>Metrics of the final model on the test data, or on the validation data without test data.</summary>
    public FinalMetrics? Final { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public double? Seconds { get; init; }
}

/// <summary>One logged optimizer step.</summary>
internal sealed record StepRecord
{
    public required int Epoch { get; init; }
    public required long Step { get; init; }
    public required double Loss { get; init; }
    public double? EpochLoss { get; init; }
    public double? EpochAccuracy { get; init; }
    public double? LearningRate { get; init; }
    public double? Momentum { get; init; }
    public double? StepSize { get; init; }
    public double? PolyakStepSize { get; init; }
    public double? LowerBound { get; init; }
    public double? ControllerFactor { get; init; }
    public double? AngularVelocity { get; init; }
    public int DropCount { get; init; }
    public long SkippedSteps { get; init; }
    public double? SamplesPerSecond { get; init; }
    public double ElapsedSeconds { get; init; }
}

/// <summary>One finished epoch.</summary>
internal sealed record EpochRecord
{
    public required int Epoch { get; init; }
    public required long Step { get; init; }
    public double? TrainLoss { get; init; }
    public double? TrainAccuracy { get; init; }
    public double? ValidationLoss { get; init; }
    public double? ValidationAccuracy { get; init; }
    public double? ValidationMacroF1 { get; init; }
    public double? LearningRate { get; init; }
    public double? Momentum { get; init; }
    public int DropCount { get; init; }
    public double? SamplesPerSecond { get; init; }
    public double ElapsedSeconds { get; init; }
}

/// <summary>Final metrics of the model and on which data.</summary>
internal sealed record FinalMetrics
{
    /// <summary>"test" or "validation".</summary>
    public required string Split { get; init; }
    public required int Count { get; init; }
    public required double Accuracy { get; init; }
    public required double MacroF1 { get; init; }
    public required double LogLoss { get; init; }
    public IReadOnlyList<double> PerClassPrecision { get; init; } = [];
    public IReadOnlyList<double> PerClassRecall { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<long>> ConfusionMatrix { get; init; } = [];
}
