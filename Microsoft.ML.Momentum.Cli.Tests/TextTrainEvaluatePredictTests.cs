using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Commands;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Microsoft.ML.Momentum.Cli.Tests.CliRun;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>The text scenario through the real command line on the committed topic fixture.</summary>
[TestClass]
public sealed class TextTrainEvaluatePredictTests
{
    [TestMethod]
    public void TrainThenEvaluateThenPredictText()
    {
        using var temp = new TempDirectory();
        var config = temp.File("text.json");
        File.WriteAllText(config, $$"""
            {
              "scenario": "textClassification",
              "dataSource": {"type": "csv", "train": {"path": {{JsonSerializer.Serialize(RepoPaths.Topics)}}},
                             "test": {"path": {{JsonSerializer.Serialize(RepoPaths.Topics)}}}, "columns": {"label": "Label", "text": "Text"} },
              "trainingOption": {"architecture": "embeddingBag", "batchSize": 16, "maxEpoch": 4, "validationSetFraction": 0.2,
                                 "optimizer": {"name": "adam", "learningRate": 0.01}, "maxTokens": 64, "nGramLength": 2, "seed": 2},
              "environment": {"device": "cpu", "numberOfThreads": 2},
              "output": {"directory": "out"}
            }
            """);
        var train = Run("train", "--config", config, "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, train.Code, train.Err);
        StringAssert.Contains(train.Out, "epoch 4/4: train loss");
        StringAssert.Contains(train.Out, "test accuracy: ");
        var output = temp.File("out");
        var metrics = RunMetricsJson.Read(Path.Combine(output, "metrics.json"));
        Assert.AreEqual("test", metrics.Final!.Split);
        Assert.IsGreaterThan(0.6, metrics.Final.Accuracy, "the topics are easy to tell apart");
        Assert.IsTrue(File.Exists(Path.Combine(output, "report.html")));
        MlNetModelAssert.WrittenOrExplained(train.Out, Path.Combine(output, "model.mlnet.zip"));

        var model = Path.Combine(output, "model.zip");
        var evaluated = Run("evaluate", "--model", model, "--data", Path.Combine(RepoPaths.Text, "topics.tsv"), "--format", "json");
        Assert.AreEqual(ExitCodes.Success, evaluated.Code, evaluated.Err);
        using (var document = JsonDocument.Parse(evaluated.Out))
        {
            Assert.AreEqual(metrics.Final.Accuracy, document.RootElement.GetProperty("accuracy").GetDouble(), "the same examples as a TSV file score the same");
        }

        var predicted = Run("predict", "--model", model, "--format", "json", "The striker scored twice in the final.", "Fry the onions in butter.");
        Assert.AreEqual(ExitCodes.Success, predicted.Code, predicted.Err);
        using (var document = JsonDocument.Parse(predicted.Out))
        {
            var items = document.RootElement.EnumerateArray().ToArray();
            Assert.HasCount(2, items);
            Assert.AreEqual("Fry the onions in butter.", items[1].GetProperty("input").GetString());
            CollectionAssert.Contains(metrics.ClassNames.ToArray(), items[0].GetProperty("predictedLabel").GetString());
        }

        var unseen = Run("evaluate", "--model", model, "--data", Path.Combine(RepoPaths.Text, "unseen_labels.csv"));
        Assert.AreEqual(ExitCodes.BadData, unseen.Code);
        StringAssert.Contains(unseen.Err, "unseen_labels.csv");
    }

    [TestMethod]
    public void InitTextOutputWithDataTrains()
    {
        using var temp = new TempDirectory();
        var config = temp.File("text.json");
        Assert.AreEqual(ExitCodes.Success, Run("init", "text", "--data", RepoPaths.Topics, "--output", config).Code);
        var (code, output, error) = Run("train", "--config", config, "--max-epoch", "1", "--progress", "plain");
        Assert.AreEqual(ExitCodes.Success, code, error);
        StringAssert.Contains(output, "epoch 1/1: train loss");
        Assert.IsTrue(File.Exists(temp.File("momentum-output/model.zip")));
    }

    [TestMethod]
    public void SentencePairsAreRefusedNamingTheField()
    {
        using var temp = new TempDirectory();
        var config = temp.File("pairs.json");
        File.WriteAllText(config, $$"""
            {
              "scenario": "textClassification",
              "dataSource": {"type": "csv", "train": {"path": {{JsonSerializer.Serialize(RepoPaths.Topics)}}}, "columns": {"label": "Label", "text": "Text", "text2": "Text"} },
              "output": {"directory": "out"}
            }
            """);
        var (code, _, error) = Run("train", "--config", config, "--progress", "plain");
        Assert.AreEqual(ExitCodes.BadUsage, code);
        StringAssert.Contains(error, "dataSource.columns.text2: sentence pairs cannot be trained");
        Assert.IsFalse(File.Exists(temp.File("out/model.zip")));
    }
}
