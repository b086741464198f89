using System.CommandLine;
using Microsoft.ML.Momentum.Cli.Reporting;

namespace Microsoft.ML.Momentum.Cli.Commands;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary><c>momentum report --metrics FILE [--output FILE]</c>: redraws the HTML report (and CSV) from a metrics JSON.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var metrics = new Option<string>("--metrics", "-m") { Description = "A metrics JSON written by momentum train.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The HTML file (default: report.html next to the metrics)." };
        var csv = new Option<string?>("--csv") { Description = "Also write the metrics CSV here." };
        var command = new Command("report", "Draw the HTML training report from a metrics JSON.") { metrics, output, csv };
        command.SetAction(parse => CliErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var path = parse.GetValue(metrics)!;
            var run = RunMetricsJson.Read(path);
            var html = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "report.html");
            TrainingReport.Write(html, run);
            if (parse.GetValue(csv) is { } csvPath) MetricsCsv.Write(csvPath, run);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {html}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
