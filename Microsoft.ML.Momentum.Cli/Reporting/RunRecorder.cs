using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// Collects a run's <see cref="TrainingProgress"/> reports (pass <see cref="Record"/> as, or inside, the
/// trainer's MetricsCallback) into <see cref="RunMetrics"/>: one <see cref="StepRecord"/> per step report and
/// one <see cref="EpochRecord"/> per epoch end. NaN values (no validation, not MoMo, not AutoDrop) become null.
/// </summary>
internal sealed class RunRecorder
{
    private readonly List<StepRecord> _steps = [];
    private readonly List<EpochRecord> _epochs = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.Now;

    public IReadOnlyList<StepRecord> Steps => _steps;

    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    public void Record(TrainingProgress progress)
    {
        var o = progress.Optimizer;
        if (progress.Phase == TrainingPhase.Step)
        {
            _steps.Add(new StepRecord
            {
                Epoch = progress.Epoch,
                Step = progress.Step,
                Loss = progress.Loss,
                EpochLoss = Value(progress.EpochLoss),
                EpochAccuracy = Value(progress.EpochAccuracy),
                LearningRate = Value(o.LearningRate),
                Momentum = Value(o.Momentum),
                StepSize = Value(o.StepSize),
                PolyakStepSize = Value(o.PolyakStepSize),
                LowerBound = Value(o.LowerBound),
                ControllerFactor = Value(o.ControllerFactor),
                AngularVelocity = Value(o.AngularVelocity),
                DropCount = o.DropCount,
                SkippedSteps = o.SkippedSteps,
                SamplesPerSecond = Value(progress.SamplesPerSecond),
                ElapsedSeconds = progress.Elapsed.TotalSeconds,
            });
            return;
        }
        _epochs.Add(new EpochRecord
        {
            Epoch = progress.Epoch,
            Step = progress.Step,
            TrainLoss = Value(progress.EpochLoss),
            TrainAccuracy = Value(progress.EpochAccuracy),
            ValidationLoss = progress.Validation is { } v ? Value(v.LogLoss) : null,
            ValidationAccuracy = progress.Validation is { } va ? Value(va.Accuracy) : null,
            ValidationMacroF1 = progress.Validation is { } vf ? Value(vf.MacroF1) : null,
            LearningRate = Value(o.LearningRate),
            Momentum = Value(o.Momentum),
            DropCount = o.DropCount,
            SamplesPerSecond = Value(progress.SamplesPerSecond),
            ElapsedSeconds = progress.Elapsed.TotalSeconds,
        });
    }

    /// <summary>The recorded run, with its outcome.</summary>
    public RunMetrics ToMetrics(string title, TrainingResult? result = null, FinalMetrics? final = null, IReadOnlyList<string>? classNames = null,
        string? scenario = null, string? optimizerName = null, string? optimizerJson = null, int? seed = null) => new()
    {
        Title = title,
        Scenario = scenario,
        OptimizerName = optimizerName,
        OptimizerJson = optimizerJson,
        Seed = seed,
        ClassNames = classNames ?? [],
        Steps = _steps.ToArray(),
        Epochs = _epochs.ToArray(),
        SelectedEpoch = result?.SelectedEpoch,
        StoppedEarly = result?.StoppedEarly ?? false,
        Final = final,
        StartedAt = _startedAt,
        Seconds = (DateTimeOffset.Now - _startedAt).TotalSeconds,
    };

    /// <summary>The report's form of library metrics.</summary>
    public static FinalMetrics Final(string split, ClassificationMetrics metrics) => new()
    {
        Split = split,
        Count = metrics.Count,
        Accuracy = metrics.Accuracy,
        MacroF1 = metrics.MacroF1,
        LogLoss = metrics.LogLoss,
        PerClassPrecision = metrics.PerClassPrecision,
        PerClassRecall = metrics.PerClassRecall,
        ConfusionMatrix = metrics.ConfusionMatrix,
    };

    private static double? Value(double value) => double.IsFinite(value) ? value : null;
}
