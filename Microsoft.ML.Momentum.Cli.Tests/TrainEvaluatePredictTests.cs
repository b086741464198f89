using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>train → evaluate → predict through the real command line on the 300-image fixture.</summary>
[TestClass]
public sealed class TrainEvaluatePredictTests
{
    [TestMethod]
    public void TrainThenEvaluateThenPredict()
    {
        using var temp = new TempDirectory();
        var config = ImageConfig(temp, RepoPaths.Fashion, test: RepoPaths.Fashion);
        var train = Run("train", "--config", config, "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, train.Code, train.Err);
        var output = temp.File("out");
        foreach (var file in new[] { "model.zip", "metrics.json", "metrics.csv", "report.html", "workspace/checkpoint.zip" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(output, file)), file);
        }
        StringAssert.Contains(train.Out, "epoch 2/2: train loss");
        StringAssert.Contains(train.Out, "test accuracy: ");
        StringAssert.Contains(train.Out, "(300 examples)");
        StringAssert.EndsWith(train.Out, $"report: {output}/report.html\nmetrics: {output}/metrics.json, {output}/metrics.csv\n");
        var metrics = RunMetricsJson.Read(Path.Combine(output, "metrics.json"));
        Assert.AreEqual("test", metrics.Final!.Split);
        Assert.AreEqual(2, metrics.Epochs.Count);
        CollectionAssert.Contains(metrics.ClassNames.ToArray(), "Sandale été");
        MlNetModelAssert.WrittenOrExplained(train.Out, Path.Combine(output, "model.mlnet.zip"));

        var model = Path.Combine(output, "model.zip");
        var text = Run("evaluate", "--model", model, "--data", RepoPaths.Fashion);
        Assert.AreEqual(ExitCodes.Success, text.Code, text.Err);
        StringAssert.Contains(text.Out, $"accuracy: {MetricsTables.P(metrics.Final.Accuracy)}\n");
        StringAssert.Contains(text.Out, "\nSandale été ");
        StringAssert.Contains(text.Out, "confusion matrix");

        var json = Run("evaluate", "-m", model, "-d", RepoPaths.Fashion, "--format", "json");
        Assert.AreEqual(ExitCodes.Success, json.Code, json.Err);
        using (var document = JsonDocument.Parse(json.Out))
        {
            var root = document.RootElement;
            Assert.AreEqual(300, root.GetProperty("count").GetInt32());
            Assert.AreEqual(metrics.Final.Accuracy, root.GetProperty("accuracy").GetDouble(), "evaluate on the test data repeats train's final evaluation");
            Assert.AreEqual(10, root.GetProperty("confusionMatrix").GetArrayLength());
            Assert.AreEqual(30, root.GetProperty("classes")[0].GetProperty("support").GetInt32());
        }

        var csvPath = temp.File("eval.csv");
        var csv = Run("evaluate", "-m", model, "-d", RepoPaths.Fashion, "-o", csvPath);
        Assert.AreEqual(ExitCodes.Success, csv.Code, csv.Err);
        StringAssert.EndsWith(csv.Out, $"wrote {csvPath}\n");
        var rows = File.ReadAllLines(csvPath);
        Assert.AreEqual(12, rows.Length, "header, 10 classes, (all)");
        StringAssert.StartsWith(rows[^1], "(all),300,");

        var images = new[] { Path.Combine(RepoPaths.Fashion, "Bag", "000.png"), Path.Combine(RepoPaths.Fashion, "Sandale été", "000.png") };
        var predicted = Run(["predict", "--model", model, "--format", "json", .. images]);
        Assert.AreEqual(ExitCodes.Success, predicted.Code, predicted.Err);
        using (var document = JsonDocument.Parse(predicted.Out))
        {
            var items = document.RootElement.EnumerateArray().ToArray();
            Assert.HasCount(2, items);
            Assert.AreEqual(images[1], items[1].GetProperty("input").GetString());
            CollectionAssert.Contains(metrics.ClassNames.ToArray(), items[0].GetProperty("predictedLabel").GetString());
            Assert.AreEqual(1.0, items[0].GetProperty("scores").EnumerateObject().Sum(p => p.Value.GetDouble()), 1e-5);
        }

        File.WriteAllText(temp.File("list.txt"), $"# images to classify\n{images[0]}\n\nlist-relative.png\n");
        File.Copy(images[1], temp.File("list-relative.png"));
        var listed = Run("predict", "--model", model, "--input", temp.File("list.txt"));
        Assert.AreEqual(ExitCodes.Success, listed.Code, listed.Err);
        var lines = listed.Out.TrimEnd('\n').Split('\n');
        Assert.HasCount(3, lines);
        StringAssert.StartsWith(lines[0], "input,predictedLabel,score,score:Ankle boot,");
        StringAssert.StartsWith(lines[2], temp.File("list-relative.png") + ",");
    }

    [TestMethod]
    public void InitOutputWithDataTrains()
    {
        using var temp = new TempDirectory();
        var config = temp.File("image.json");
        Assert.AreEqual(ExitCodes.Success, Run("init", "image", "--data", RepoPaths.Fashion, "--output", config).Code);
        var (code, output, error) = Run("train", "--config", config, "--max-epoch", "1", "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        StringAssert.Contains(output, "epoch 1/1: train loss");
        StringAssert.Contains(output, "validation accuracy: ");
        Assert.IsTrue(File.Exists(temp.File("momentum-output/model.zip")));
    }

    [TestMethod]
    public void TableDataWithoutHeaderAndWithAnImageDirectoryTrains()
    {
        using var temp = new TempDirectory();
        var rows = Directory.GetDirectories(RepoPaths.Fashion).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).Take(4).Select(f => $"\"{Path.GetRelativePath(RepoPaths.Fashion, f)}\",\"{Path.GetFileName(d)}\""));
        File.WriteAllLines(temp.File("listing.csv"), rows);
        File.WriteAllText(temp.File("table.json"), $$"""
            {
              "scenario": "imageClassification",
              "dataSource": {"type": "csv", "train": {"path": "listing.csv"}, "hasHeader": false, "imageDirectory": {{JsonSerializer.Serialize(RepoPaths.Fashion)}},
                             "columns": {"image": "0", "label": "1"}
              },
              "trainingOption": {"architecture": "mlp", "maxEpoch": 1, "validationSetFraction": 0.25},
              "environment": {"numberOfThreads": 2}
            }
            """);
        var (code, output, error) = Run("train", "--config", temp.File("table.json"), "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        StringAssert.Contains(output, "validation accuracy: ");
        StringAssert.Contains(output, "(10 examples)", "a quarter of 40 images held out");
    }
}
