using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary><c>momentum validate --config FILE [--check-data]</c>: reports every problem of a config without training.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var checkData = new Option<bool>("--check-data") { Description = "Also check that the data files exist (exit code 3 if not)." };
        var command = new Command("validate", "Check a config file (and optionally its data paths) without training.") { config, checkData };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var path = parse.GetValue(config)!;
            var run = ConfigReader.ReadFile(path);
            if (parse.GetValue(checkData)) DataFileChecks.Check(run);
            parse.InvocationConfiguration.Output.WriteLine($"{path}: valid {run.Scenario} config.");
            return ExitCodes.Success;
        }));
        return command;
    }
}

/// <summary>The shared <c>--config</c> option.</summary>
internal static class ConfigOption
{
    public static Option<string> Create() => new("--config", "-c") { Description = "The training config file (see momentum init).", Required = true };
}
