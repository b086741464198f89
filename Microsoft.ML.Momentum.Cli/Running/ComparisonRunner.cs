using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>What <c>momentum compare</c> runs: the config once per optimizer and seed.</summary>
internal sealed record ComparisonRequest(
    TrainingRunConfig Config, IReadOnlyList<ComparedOptimizer> Optimizers, IReadOnlyList<int> Seeds, string OutputDirectory, bool KeepSchedule);

/// <summary>The finished runs, the runs that failed (label, seed, message) and the files written.</summary>
internal sealed record ComparisonOutcome(IReadOnlyList<RunMetrics> Runs, IReadOnlyList<string> Failures, string CsvPath, string ReportPath);

/// <summary>
/// Trains the config once per optimizer and seed, each into its own sub-folder (<c>LABEL-seedN</c>) with its
/// model, metrics and report, then writes <c>comparison.csv</c> and <c>comparison.html</c>. The config's
/// optimizer, learningRate and (unless <see cref="ComparisonRequest.KeepSchedule"/>) learningRateSchedule are
/// replaced by each optimizer's recommended settings; everything else (data, architecture, epochs, weight
/// decay, early stopping) is shared. A run that fails to train is reported and the others go on; bad data or
/// usage stops the comparison.
/// </summary>
internal static class ComparisonRunner
{
    public static ComparisonOutcome Run(ComparisonRequest request, ITrainingBackend backend, IProgressDisplay display, CancellationToken cancellationToken)
    {
        var runs = new List<RunMetrics>();
        var failures = new List<string>();
        foreach (var optimizer in request.Optimizers)
        {
            foreach (var seed in request.Seeds)
            {
                var config = ConfigFor(request, optimizer, seed);
                try
                {
                    runs.Add(TrainingRunner.Run(config, backend, display, resume: false, cancellationToken, optimizer.Label));
                }
                catch (Exception e) when (e is not OperationCanceledException && CliErrors.Describe(e).Code == ExitCodes.TrainingFailed)
                {
                    var failure = $"{optimizer.Label}, seed {seed}: {e.Message}";
                    failures.Add(failure);
                    display.Message("failed: " + failure);
                }
            }
        }
        var csv = Path.Combine(request.OutputDirectory, "comparison.csv");
        var html = Path.Combine(request.OutputDirectory, "comparison.html");
        FileOutput.WriteAllText(csv, ComparisonReport.Csv(runs));
        ComparisonReport.Write(html, $"{request.Config.Scenario}: {Path.GetFileName(request.Config.SourcePath)}", runs);
        return new ComparisonOutcome(runs, failures, csv, html);
    }

    /// <summary>The config of one run: the optimizer's settings, the seed, outputs in the run's sub-folder.</summary>
    public static TrainingRunConfig ConfigFor(ComparisonRequest request, ComparedOptimizer optimizer, int seed)
        => request.Config.WithTrainingOption(o =>
        {
            o.Optimizer = optimizer.Optimizer;
            o.LearningRate = null;
            if (!request.KeepSchedule) o.LearningRateSchedule = null;
            o.Seed = seed;
        }) with
        {
            Output = OutputConfig.In(Path.Combine(request.OutputDirectory, $"{FolderName(optimizer.Label)}-seed{seed}")),
        };

    private static string FolderName(string label)
        => string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));
}
