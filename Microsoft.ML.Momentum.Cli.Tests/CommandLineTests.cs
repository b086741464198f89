using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Running;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Exit codes and messages of the commands, run in-process.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(IReadOnlyList<ITrainingBackend>? backends, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, backends ?? []);
        return (code, output.ToString(), error.ToString().ReplaceLineEndings("\n"));
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Run(null, args);

    /// <summary>A valid text config in <paramref name="temp"/> whose data file exists.</summary>
    private static string TextConfig(TempDirectory temp, bool createData = true)
    {
        if (createData) File.WriteAllText(temp.File("train.csv"), "Label,Text\npos,good\n");
        var path = temp.File("momentum.json");
        File.WriteAllText(path, ConfigValidationTests.Config(dataSource: """{"type": "csv", "train": {"path": "train.csv"}}""", scenario: "textClassification"));
        return path;
    }

    [TestMethod]
    public void InitWritesAValidConfigAndRefusesToOverwrite()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cfg/image.json");
        var (code, output, _) = Run("init", "image", "--output", path);
        Assert.AreEqual(ExitCodes.Success, code);
        Assert.AreEqual($"wrote {path}; edit it, then run: momentum train --config {path}\n", output.ReplaceLineEndings("\n"));
        Assert.AreEqual(ExitCodes.Success, Run("validate", "--config", path).Code);
        var again = Run("init", "image", "--output", path);
        Assert.AreEqual(ExitCodes.BadUsage, again.Code);
        Assert.AreEqual($"error: '{path}' exists; use --force to overwrite it.\n", again.Err);
        Assert.AreEqual(ExitCodes.Success, Run("init", "text", "--output", path, "--force", "--data", "r.tsv").Code);
    }

    [TestMethod]
    public void UnknownScenarioIsBadUsage()
    {
        var (code, _, error) = Run("init", "audio");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        StringAssert.StartsWith(error, "error: Argument 'audio' not recognized. Must be one of:");
    }

    [TestMethod]
    public void UnknownOptionIsBadUsage()
    {
        var (code, _, error) = Run("validate", "--config", "x.json", "--frobnicate");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual("error: Unrecognized command or argument '--frobnicate'.\nRun 'momentum --help' (or 'momentum <command> --help') for usage.\n", error);
    }

    [TestMethod]
    public void MissingRequiredOptionIsBadUsage()
    {
        var (code, _, error) = Run("train");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        StringAssert.StartsWith(error, "error: Option '--config' is required.");
    }

    [TestMethod]
    public void MissingConfigFileIsBadUsage()
    {
        var (code, _, error) = Run("train", "--config", "/nonexistent/momentum.json");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual("error: config file '/nonexistent/momentum.json' was not found (create one with 'momentum init image|text').\n", error);
    }

    [TestMethod]
    public void BadConfigListsEveryErrorWithFileAndLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.json");
        File.WriteAllText(path, ConfigValidationTests.Config("{\"batchSize\": 0}", "{\"device\": \"gpu\"}"));
        var (code, _, error) = Run("validate", "--config", path);
        Assert.AreEqual(ExitCodes.BadUsage, code);
        Assert.AreEqual(
            $"error: {path}:4:35: $.trainingOption.batchSize: must be in [1, 65536], got 0\n" +
            $"error: {path}:5:29: $.environment.device: 'gpu' is not a valid device; expected cpu, cuda or cuda:N\n",
            error);
    }

    [TestMethod]
    public void MissingDataIsBadData()
    {
        using var temp = new TempDirectory();
        var path = TextConfig(temp, createData: false);
        var (code, _, error) = Run([new FakeBackend()], "train", "--config", path);
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual($"error: {path}: dataSource.train.path: file '{temp.File("train.csv")}' was not found.\n", error);
        Assert.AreEqual(ExitCodes.BadData, Run("validate", "--config", path, "--check-data").Code);
    }

    [TestMethod]
    public void MalformedDataFromTheTrainerIsBadData()
    {
        using var temp = new TempDirectory();
        var backend = new FakeBackend(new InvalidDataException("train.csv line 2: the label column 'Label' is empty."));
        var (code, _, error) = Run([backend], "train", "--config", TextConfig(temp), "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadData, code);
        Assert.AreEqual("error: train.csv line 2: the label column 'Label' is empty.\n", error);
    }

    [TestMethod]
    public void TrainingFailureIsExitCodeOne()
    {
        using var temp = new TempDirectory();
        var backend = new FakeBackend(new InvalidOperationException("the loss was not finite for 20 steps in a row."));
        var (code, _, error) = Run([backend], "train", "--config", TextConfig(temp), "--progress", "plain");
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        Assert.AreEqual("error: training failed: the loss was not finite for 20 steps in a row.\n", error);
    }

    [TestMethod]
    public void TrainWithoutATrainerForTheScenarioFails()
    {
        using var temp = new TempDirectory();
        var (code, _, error) = Run([], "train", "--config", TextConfig(temp));
        Assert.AreEqual(ExitCodes.TrainingFailed, code);
        Assert.AreEqual("error: training failed: no trainer for scenario 'textClassification' is available in this build.\n", error);
    }

    [TestMethod]
    public void TrainWritesModelMetricsCsvAndReport()
    {
        using var temp = new TempDirectory();
        var backend = new FakeBackend();
        var (code, output, error) = Run([backend], "train", "--config", TextConfig(temp), "--progress", "plain", "--resume");
        Assert.AreEqual(ExitCodes.Success, code, error);
        Assert.IsTrue(backend.LastRequest!.Resume);
        foreach (var file in new[] { "model.zip", "metrics.json", "metrics.csv", "report.html" })
        {
            Assert.IsTrue(File.Exists(temp.File("momentum-output/" + file)), file);
        }
        StringAssert.Contains(output, "epoch 2/2: train loss");
        StringAssert.Contains(output, "report: " + temp.File("momentum-output/report.html"));
        var csvLines = File.ReadAllLines(temp.File("momentum-output/metrics.csv"));
        Assert.AreEqual(1 + 20 + 2, csvLines.Length);
    }

    [TestMethod]
    public void ReportCommandRedrawsFromMetrics()
    {
        using var temp = new TempDirectory();
        Reporting.RunMetricsJson.Write(temp.File("metrics.json"), SyntheticRun.Metrics());
        var (code, output, _) = Run("report", "--metrics", temp.File("metrics.json"), "--csv", temp.File("m.csv"));
        Assert.AreEqual(ExitCodes.Success, code);
        Assert.AreEqual($"wrote {temp.File("report.html")}\n", output.ReplaceLineEndings("\n"));
        StringAssert.Contains(File.ReadAllText(temp.File("report.html")), "<svg id=\"chart-angular-velocity\"");
        Assert.IsTrue(File.Exists(temp.File("m.csv")));
    }

    [TestMethod]
    public void ReportCommandRejectsMissingOrMalformedMetrics()
    {
        using var temp = new TempDirectory();
        var missing = Run("report", "--metrics", temp.File("none.json"));
        Assert.AreEqual(ExitCodes.BadData, missing.Code);
        Assert.AreEqual($"error: metrics file '{temp.File("none.json")}' was not found.\n", missing.Err);
        File.WriteAllText(temp.File("bad.json"), "not json");
        var bad = Run("report", "--metrics", temp.File("bad.json"));
        Assert.AreEqual(ExitCodes.BadData, bad.Code);
        StringAssert.StartsWith(bad.Err, $"error: '{temp.File("bad.json")}' is not a momentum metrics file:");
    }

    [TestMethod]
    public void SchemaCommandPrintsTheSchema()
    {
        var (code, output, _) = Run("schema");
        Assert.AreEqual(ExitCodes.Success, code);
        StringAssert.StartsWith(output, "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }
}
