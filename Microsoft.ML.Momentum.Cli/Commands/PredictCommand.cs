using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>momentum predict --model M (--input FILE | INPUT...) [--format csv|json] [--output FILE]</c>: the predicted
/// label and per-class scores of each input (image files for image models); the model zip's task says how inputs are read.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var model = ModelCommandOptions.Model();
        var inputs = new Argument<string[]>("inputs") { Description = "What to classify: image files for an image model (texts for a text model).", Arity = ArgumentArity.ZeroOrMore };
        var inputFile = new Option<string?>("--input", "-i") { Description = "A file listing the inputs: one a line, or a .csv/.tsv/.json/.jsonl table (see --input-column); relative paths are relative to it." };
        var inputColumn = ModelCommandOptions.InputColumn("the inputs");
        var format = ModelCommandOptions.Format("csv (default) or json; with --output, the file's extension chooses when not given.", "csv", "json");
        var output = ModelCommandOptions.Output();
        var device = ModelCommandOptions.Device();
        var command = new Command("predict", "Predict the class of each input with a trained model.") { inputs, model, inputFile, inputColumn, format, output, device };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var file = parse.GetValue(inputFile);
            var given = parse.GetValue(inputs) ?? [];
            if (file is null && given.Length == 0) throw new UsageException("give the inputs to predict: --input FILE, or image paths (texts for a text model) after the options.");
            var outputPath = parse.GetValue(output);
            using var loaded = ModelLoader.Open(parse.GetValue(model)!, DeviceOption.Resolve(parse.GetValue(device)!, "--device"), TrainingBackends.ModelBackends(backends));
            var predictions = loaded.Predict(new PredictionRequest(file, given, parse.GetValue(inputColumn)));
            var chosen = OutputFormats.Choose(ModelCommandOptions.ParseFormat(parse.GetValue(format)), outputPath, OutputFormat.Csv);
            OutputFormats.Emit(PredictionOutput.Format(chosen, predictions, loaded.ClassNames), outputPath, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }));
        return command;
    }
}
