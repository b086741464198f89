using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Config;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary><c>momentum init image|text [--data PATH] [--output FILE] [--force]</c>: writes a commented example config.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "image or text." };
        scenario.AcceptOnlyFromAmong("image", "text");
        var data = new Option<string?>("--data") { Description = "Training data: an IDX folder, a class-per-folder directory or a csv/tsv listing (image); a csv, tsv, json or jsonl file (text)." };
        var output = new Option<string>("--output", "-o") { Description = "The config file to write.", DefaultValueFactory = _ => "momentum.json" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a complete, commented example config to edit.") { scenario, data, output, force };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
            Run(parse.GetValue(scenario)!, parse.GetValue(data), parse.GetValue(output)!, parse.GetValue(force), parse.InvocationConfiguration.Output)));
        return command;
    }

    private static int Run(string scenario, string? data, string output, bool force, TextWriter stdout)
    {
        if (File.Exists(output) && !force) throw new UsageException($"'{output}' exists; use --force to overwrite it.");
        var text = scenario == "image" ? ExampleConfigs.Image(data) : ExampleConfigs.Text(data);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(output, text);
        stdout.WriteLine($"wrote {output}; edit it, then run: momentum train --config {output}");
        return ExitCodes.Success;
    }
}
