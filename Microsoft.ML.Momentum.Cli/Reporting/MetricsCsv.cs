using System.Globalization;
using System.Text;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// The metrics CSV: one row per logged step (kind "step") and per epoch (kind "epoch"), in step order, with
/// the columns that apply left empty otherwise. RFC 4180, invariant culture, round-trip numbers.
/// </summary>
internal static class MetricsCsv
{
    public static readonly string[] Columns =
    [
        "kind", "epoch", "step", "loss", "epochLoss", "epochAccuracy", "validationLoss", "validationAccuracy", "validationMacroF1",
        "learningRate", "momentum", "stepSize", "polyakStepSize", "lowerBound", "controllerFactor", "angularVelocity",
        "dropCount", "skippedSteps", "samplesPerSecond", "elapsedSeconds",
    ];

    public static string Format(RunMetrics metrics)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append('\n');
        var rows = metrics.Steps.Select(s => (s.Step, Order: 0, Cells: StepCells(s)))
            .Concat(metrics.Epochs.Select(e => (e.Step, Order: 1, Cells: EpochCells(e))))
            .OrderBy(r => r.Step).ThenBy(r => r.Order);
        foreach (var row in rows) text.AppendJoin(',', row.Cells).Append('\n');
        return text.ToString();
    }

    public static void Write(string path, RunMetrics metrics) => FileOutput.WriteAllText(path, Format(metrics));

    private static string[] StepCells(StepRecord s) =>
    [
        "step", N(s.Epoch), N(s.Step), N(s.Loss), N(s.EpochLoss), N(s.EpochAccuracy), "", "", "",
        N(s.LearningRate), N(s.Momentum), N(s.StepSize), N(s.PolyakStepSize), N(s.LowerBound), N(s.ControllerFactor), N(s.AngularVelocity),
        N(s.DropCount), N(s.SkippedSteps), N(s.SamplesPerSecond), N(s.ElapsedSeconds),
    ];

    private static string[] EpochCells(EpochRecord e) =>
    [
        "epoch", N(e.Epoch), N(e.Step), "", N(e.TrainLoss), N(e.TrainAccuracy), N(e.ValidationLoss), N(e.ValidationAccuracy), N(e.ValidationMacroF1),
        N(e.LearningRate), N(e.Momentum), "", "", "", "", "",
        N(e.DropCount), "", N(e.SamplesPerSecond), N(e.ElapsedSeconds),
    ];

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
