using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary><c>momentum train --config FILE [--resume] [--max-epoch N] [--progress auto|bar|plain]</c>: trains through an <see cref="ITrainingBackend"/>.</summary>
internal static class TrainCommand
{
    public static Command Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var config = ConfigOption.Create();
        var resume = new Option<bool>("--resume") { Description = "Continue from the last checkpoint in the output workspace." };
        var maxEpoch = MaxEpochOption();
        var progress = ProgressOption();
        var command = new Command("train", "Train, validate and write the model, metrics (JSON, CSV) and an HTML report.") { config, resume, maxEpoch, progress };
        command.SetAction((parse, cancellation) => Task.FromResult(CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var run = WithMaxEpoch(ConfigReader.ReadFile(parse.GetValue(config)!), parse.GetValue(maxEpoch));
            var backend = BackendFor(run, backends);
            var display = ProgressDisplays.Create(parse.GetValue(progress), parse.InvocationConfiguration.Output);
            TrainingRunner.Run(run, backend, display, parse.GetValue(resume), cancellation);
            return ExitCodes.Success;
        })));
        return command;
    }

    public static Option<int?> MaxEpochOption()
    {
        var option = new Option<int?>("--max-epoch") { Description = "Override trainingOption.maxEpoch (e.g. 1 for a quick try)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--max-epoch must be at least 1.");
        });
        return option;
    }

    public static Option<ProgressMode> ProgressOption()
        => new("--progress") { Description = "auto (a bar in a terminal, lines otherwise), bar or plain.", DefaultValueFactory = _ => ProgressMode.Auto };

    public static TrainingRunConfig WithMaxEpoch(TrainingRunConfig config, int? maxEpoch)
        => maxEpoch is { } epochs ? config.WithTrainingOption(o => o.MaxEpoch = epochs) : config;

    public static ITrainingBackend BackendFor(TrainingRunConfig config, IReadOnlyList<ITrainingBackend> backends)
        => backends.FirstOrDefault(b => b.Supports(config.Scenario))
            ?? throw new InvalidOperationException($"no trainer for scenario '{config.Scenario}' is available in this build.");
}
