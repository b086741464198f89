using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>momentum compare --config FILE --optimizers a,b,c [--seeds 1,2] [--output DIR] [--keep-schedule] [--max-epoch N]</c>:
/// the same task with several optimizers (and seeds), one comparison table (console and CSV) and HTML report.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var config = ConfigOption.Create();
        var optimizers = new Option<string>("--optimizers")
        {
            Description = $"Comma-separated: {string.Join(", ", ComparedOptimizer.Names)}; NAME:LR sets the learning rate (e.g. adam:3e-4).",
            Required = true,
        };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds, each run per optimizer (default: the config's seed)." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the runs and the comparison (default: <output.directory>/compare)." };
        var keepSchedule = new Option<bool>("--keep-schedule") { Description = "Keep the config's learningRateSchedule for every optimizer (default: each optimizer's recommended one)." };
        var maxEpoch = TrainCommand.MaxEpochOption();
        var progress = TrainCommand.ProgressOption();
        var command = new Command("compare", "Train the same config with several optimizers (and seeds) and compare them.")
        {
            config, optimizers, seeds, output, keepSchedule, maxEpoch, progress,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var run = TrainCommand.WithMaxEpoch(ConfigReader.ReadFile(parse.GetValue(config)!), parse.GetValue(maxEpoch));
            var list = ComparedOptimizer.ParseList(parse.GetValue(optimizers)!);
            var seedList = parse.GetValue(seeds) is { } s ? ParseSeeds(s) : [RunOptions.SeedOf(run)];
            var backend = TrainCommand.BackendFor(run, backends);
            var directory = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(run.Output.Directory, "compare"));
            var display = ProgressDisplays.Create(parse.GetValue(progress), stdout);
            var outcome = ComparisonRunner.Run(new ComparisonRequest(run, list, seedList, directory, parse.GetValue(keepSchedule)), backend, display, cancellation);
            display.Message("");
            display.Message(ComparisonTable.Format(outcome.Runs).TrimEnd());
            display.Message($"comparison: {outcome.CsvPath}");
            display.Message($"report: {outcome.ReportPath}");
            foreach (var failure in outcome.Failures) parse.InvocationConfiguration.Error.WriteLine("error: training failed: " + failure);
            return outcome.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.TrainingFailed;
        })));
        return command;
    }

    private static int[] ParseSeeds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var seeds = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out seeds[i]))
            {
                throw new UsageException($"--seeds: '{parts[i]}' is not a seed (a whole number from 0 to {int.MaxValue}).");
            }
        }
        if (seeds.Length == 0) throw new UsageException("--seeds lists no seed.");
        if (seeds.Distinct().Count() != seeds.Length) throw new UsageException("--seeds lists a seed twice.");
        return seeds;
    }
}
