using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Running;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Runs the real command line in-process with the real trainers, capturing both streams.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, TrainingBackends.All);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>A fast image config in <paramref name="temp"/>: an MLP on <paramref name="train"/>, batch 32, 2 threads, CPU.</summary>
    public static string ImageConfig(TempDirectory temp, string train, int maxEpoch = 2, string? test = null, string extraTraining = "", string name = "momentum.json")
    {
        var path = temp.File(name);
        var testPart = test is null ? "" : $", \"test\": {{\"path\": {Json(test)}}}";
        File.WriteAllText(path, $$"""
            {
              "scenario": "imageClassification",
              "dataSource": {"type": "folder", "train": {"path": {{Json(train)}}}{{testPart}}},
              "trainingOption": {"architecture": "mlp", "batchSize": 32, "maxEpoch": {{maxEpoch}}, "validationSetFraction": 0.2,
                                 "optimizer": {"name": "sgdMomentum", "learningRate": 0.05}, "logEveryNSteps": 5, "seed": 3{{extraTraining}}},
              "environment": {"device": "cpu", "numberOfThreads": 2},
              "output": {"directory": "out"}
            }
            """);
        return path;
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value, Config.ExampleJsonContext.Default.String);
}
