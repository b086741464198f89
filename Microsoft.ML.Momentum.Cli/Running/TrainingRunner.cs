using System.Globalization;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// One <c>momentum train</c> run: check the data, map the config to trainer settings, train through the backend
/// while recording and displaying progress, then write the metrics JSON and CSV and the HTML report.
/// </summary>
internal static class TrainingRunner
{
    /// <summary>Trains and writes the outputs; <paramref name="optimizerLabel"/> names the optimizer in titles and comparisons (default: its registry name).</summary>
    public static RunMetrics Run(TrainingRunConfig config, ITrainingBackend backend, IProgressDisplay display, bool resume, CancellationToken cancellationToken,
        string? optimizerLabel = null)
    {
        DataFileChecks.Check(config);
        var settings = TrainerSettingsMapper.Map(config);
        var optimizerName = optimizerLabel ?? settings.Optimizer?.Name ?? "default";
        var optimizerJson = settings.Optimizer is { } optimizer ? OptimizerJson.Serialize(optimizer) : null;
        var architecture = settings switch { ImageTrainerSettings i => i.Architecture, TextTrainerSettings t => t.Architecture, _ => "" };
        var title = $"{config.Scenario}: {architecture}, {optimizerName}, seed {settings.Seed}";
        if (resume && !File.Exists(Path.Combine(config.Output.WorkspacePath, "checkpoint.zip")))
        {
            display.Message($"no checkpoint in {config.Output.WorkspacePath}; training from the start.");
        }
        var recorder = new RunRecorder();
        var outcome = display.Run(title, show => backend.Train(new TrainingRunRequest(config, settings, resume, p =>
        {
            recorder.Record(p);
            show(p);
        }), cancellationToken));
        var metrics = recorder.ToMetrics(title, outcome.Result,
            outcome.Final is { } final ? RunRecorder.Final(outcome.FinalSplit, final) : null,
            outcome.ClassNames, config.Scenario, optimizerName, optimizerJson, settings.Seed);
        RunMetricsJson.Write(config.Output.MetricsPath, metrics);
        MetricsCsv.Write(config.Output.MetricsCsvPath, metrics);
        TrainingReport.Write(config.Output.ReportPath, metrics);
        if (metrics.Final is { } summary)
        {
            display.Message(string.Create(CultureInfo.InvariantCulture, $"{summary.Split} accuracy: {MetricsTables.P(summary.Accuracy)} ({summary.Count:N0} examples), macro-F1 {summary.MacroF1:F4}, log-loss {summary.LogLoss:F4}"));
        }
        display.Message($"model: {config.Output.ModelPath}");
        display.Message($"report: {config.Output.ReportPath}");
        display.Message($"metrics: {config.Output.MetricsPath}, {config.Output.MetricsCsvPath}");
        return metrics;
    }
}
