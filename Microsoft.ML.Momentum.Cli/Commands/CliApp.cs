using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

/// <summary>The <c>momentum</c> command line: builds the commands and maps parse errors to exit code 2.</summary>
internal static class CliApp
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="backends"/> are the trainers <c>train</c> can use.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, IReadOnlyList<ITrainingBackend>? backends = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Create(backends ?? TrainingBackends.All);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine("error: " + problem.Message);
            error.WriteLine("Run 'momentum --help' (or 'momentum <command> --help') for usage.");
            return ExitCodes.BadUsage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    public static RootCommand Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var root = new RootCommand("momentum: train image and text classifiers with the Demon, MoMo and AutoDrop optimizers.");
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TrainCommand.Create(backends));
        root.Subcommands.Add(EvaluateCommand.Create(backends));
        root.Subcommands.Add(PredictCommand.Create(backends));
        root.Subcommands.Add(CompareCommand.Create(backends));
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(PrepareCommand.Create());
        root.Subcommands.Add(FashionMnistCommand.Create());
        return root;
    }
}
