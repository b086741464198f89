using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>momentum evaluate --model M --data D [--labels L] [--format text|json|csv] [--output FILE]</c>: accuracy,
/// macro-F1, log-loss, per-class precision/recall/F1 and the confusion matrix of a saved model on labelled data.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(IReadOnlyList<ITrainingBackend> backends)
    {
        var model = ModelCommandOptions.Model();
        var data = new Option<string>("--data", "-d")
        {
            Description = "Labelled data: a folder with one sub-folder per class, a .csv/.tsv/.json/.jsonl table, or an IDX images file with --labels.",
            Required = true,
        };
        var labels = new Option<string?>("--labels") { Description = "The IDX labels file when --data is an IDX images file." };
        var labelColumn = new Option<string?>("--label-column") { Description = "Label column of a table (default Label)." };
        var inputColumn = ModelCommandOptions.InputColumn("the image paths");
        var format = ModelCommandOptions.Format("text (default), json or csv; with --output, the file's extension chooses when not given.", "text", "json", "csv");
        var output = ModelCommandOptions.Output();
        var device = ModelCommandOptions.Device();
        var command = new Command("evaluate", "Evaluate a trained model on labelled data.") { model, data, labels, labelColumn, inputColumn, format, output, device };
        command.SetAction((parse, cancellation) => Task.FromResult(CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var modelPath = parse.GetValue(model)!;
            var dataPath = parse.GetValue(data)!;
            var outputPath = parse.GetValue(output);
            using var loaded = ModelLoader.Open(modelPath, DeviceOption.Resolve(parse.GetValue(device)!, "--device"), TrainingBackends.ModelBackends(backends));
            var metrics = loaded.Evaluate(new EvaluationData(dataPath, parse.GetValue(labels), parse.GetValue(labelColumn), parse.GetValue(inputColumn)), cancellation);
            var chosen = OutputFormats.Choose(ModelCommandOptions.ParseFormat(parse.GetValue(format)), outputPath, OutputFormat.Text);
            if (outputPath is not null && chosen != OutputFormat.Text) stdout.Write(EvaluationOutput.Text(metrics, loaded.ClassNames, modelPath, dataPath));
            OutputFormats.Emit(EvaluationOutput.Format(chosen, metrics, loaded.ClassNames, modelPath, dataPath), outputPath, stdout);
            return ExitCodes.Success;
        })));
        return command;
    }
}
