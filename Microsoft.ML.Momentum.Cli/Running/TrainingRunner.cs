using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;

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
        var options = config.TrainingOption;
        var seed = RunOptions.SeedOf(config);
        var optimizerName = optimizerLabel ?? options.Optimizer?.Name ?? "default";
        var optimizerJson = options.Optimizer is { } optimizer ? OptimizerJson.Serialize(optimizer) : null;
        var title = $"{config.Scenario}: {ArchitectureOf(options)}, {optimizerName}, seed {seed}";
        if (resume && !File.Exists(Path.Combine(config.Output.WorkspacePath, "checkpoint.zip")))
        {
            display.Message($"no checkpoint in {config.Output.WorkspacePath}; training from the start.");
        }
        var recorder = new RunRecorder();
        var outcome = display.Run(title, show => backend.Train(new TrainingRunRequest(config, resume, p =>
        {
            recorder.Record(p);
            show(p);
        }), cancellationToken));
        var metrics = recorder.ToMetrics(title, outcome.Result,
            outcome.Final is { } final ? RunRecorder.Final(outcome.FinalSplit, final) : null,
            outcome.ClassNames, config.Scenario, optimizerName, optimizerJson, seed);
        RunMetricsJson.Write(config.Output.MetricsPath, metrics);
        MetricsCsv.Write(config.Output.MetricsCsvPath, metrics);
        TrainingReport.Write(config.Output.ReportPath, metrics);
        if (metrics.Final is { } summary)
        {
            display.Message(string.Create(CultureInfo.InvariantCulture, $"{summary.Split} accuracy: {MetricsTables.P(summary.Accuracy)} ({summary.Count:N0} examples), macro-F1 {summary.MacroF1:F4}, log-loss {summary.LogLoss:F4}"));
        }
        display.Message($"model: {config.Output.ModelPath}");
        display.Message(outcome.MlNetModel);
        display.Message($"report: {config.Output.ReportPath}");
        display.Message($"metrics: {config.Output.MetricsPath}, {config.Output.MetricsCsvPath}");
        return metrics;
    }

    /// <summary>The architecture as the config names it (smallCnn, embeddingBag, ...).</summary>
    private static string ArchitectureOf(ClassificationTrainerOptions options) => JsonNamingPolicy.CamelCase.ConvertName(options switch
    {
        ImageClassificationTrainer.Options image => image.Architecture.ToString(),
        TextClassificationTrainer.Options text => text.Architecture.ToString(),
        _ => "",
    });
}
