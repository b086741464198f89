using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Progress;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

/// <summary><c>momentum train --config FILE [--resume] [--progress auto|bar|plain]</c>: trains through an <see cref="ITrainingBackend"/>.</summary>
internal static class TrainCommand
{
    public static Command Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var config = ConfigOption.Create();
        var resume = new Option<bool>("--resume") { Description = "Continue from the last checkpoint in the output workspace." };
        var progress = new Option<ProgressMode>("--progress") { Description = "auto (a bar in a terminal, lines otherwise), bar or plain.", DefaultValueFactory = _ => ProgressMode.Auto };
        var command = new Command("train", "Train, validate and write the model, metrics (JSON, CSV) and an HTML report.") { config, resume, progress };
        command.SetAction((parse, cancellation) => Task.FromResult(CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var run = ConfigReader.ReadFile(parse.GetValue(config)!);
            var backend = backends.FirstOrDefault(b => b.Supports(run.Scenario))
                ?? throw new InvalidOperationException($"no trainer for scenario '{run.Scenario}' is available in this build.");
            var display = ProgressDisplays.Create(parse.GetValue(progress), parse.InvocationConfiguration.Output);
            TrainingRunner.Run(run, backend, display, parse.GetValue(resume), cancellation);
            return ExitCodes.Success;
        })));
        return command;
    }
}
