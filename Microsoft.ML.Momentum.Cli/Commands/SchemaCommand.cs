using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Cli.Reporting;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary><c>momentum schema [--output FILE]</c>: the JSON Schema of config files (docs/config.schema.json).</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema of config files.") { output };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var schema = JsonSchemaWriter.Generate();
            if (parse.GetValue(output) is { } path) FileOutput.WriteAllText(path, schema);
            else parse.InvocationConfiguration.Output.Write(schema);
            return ExitCodes.Success;
        }));
        return command;
    }
}
