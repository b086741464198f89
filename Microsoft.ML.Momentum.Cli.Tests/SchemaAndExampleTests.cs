using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>The published schema and example configs stay in step with what the reader accepts.</summary>
[TestClass]
public sealed class SchemaAndExampleTests
{
    [TestMethod]
    public void PublishedSchemaIsTheGeneratedOne()
    {
        var published = File.ReadAllText(RepoPaths.Schema).ReplaceLineEndings("\n");
        Assert.AreEqual(JsonSchemaWriter.Generate(), published,
            "docs/config.schema.json is out of date: regenerate it with 'momentum schema -o docs/config.schema.json'.");
    }

    [TestMethod]
    public void SchemaListsEveryFieldTheReaderAccepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");
        foreach (var section in ConfigSchema.Sections)
        {
            var element = section == ConfigSchema.Root ? root : defs.GetProperty(section.Name);
            var listed = element.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
            CollectionAssert.AreEquivalent(section.Fields.Select(f => f.Name).ToArray(), listed, section.Name);
            Assert.IsFalse(element.GetProperty("additionalProperties").GetBoolean(), section.Name);
        }
        var optimizers = defs.GetProperty("optimizer").GetProperty("oneOf").EnumerateArray()
            .ToDictionary(o => o.GetProperty("properties").GetProperty("name").GetProperty("const").GetString()!);
        CollectionAssert.AreEquivalent(OptimizerJson.OptimizerNames.ToArray(), optimizers.Keys.ToArray());
        var momo = optimizers["momo"].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "name", "learningRate", "beta", "lowerBound", "controller", "learningRateSchedule" }, momo);
        var schedules = defs.GetProperty("schedule").GetProperty("oneOf").GetArrayLength();
        Assert.AreEqual(OptimizerJson.ScheduleNames.Count, schedules);
    }

    [TestMethod]
    public void EverySchemaFieldIsAcceptedByTheReader()
    {
        // The reverse direction: a config that sets every optional field the schema lists reads cleanly.
        var image = ConfigValidationTests.Config(
            """{"architecture": "resNet", "batchSize": 8, "maxEpoch": 1, "learningRate": 0.1, "optimizer": {"name": "sgdMomentum"}, "learningRateSchedule": {"name": "cosine"}, "weightDecay": 0.0005, "validationSetFraction": 0.2, "earlyStoppingCriteria": {"metric": "logLoss", "patience": 2, "minDelta": 0, "restoreBestWeights": false}, "seed": 3, "checkpointEveryNEpochs": 2, "logEveryNSteps": 5, "imageSize": 32, "augmentation": {"cropPadding": 4, "horizontalFlip": true}, "skipInvalidImages": true}""",
            """{"device": "cuda:1", "numberOfThreads": 2}""",
            """{"type": "csv", "train": {"path": "a.csv"}, "test": {"path": "b.csv"}, "columns": {"label": "y", "image": "file"}, "hasHeader": false, "imageDirectory": "img"}""");
        Assert.AreEqual("", string.Join("\n", ConfigReader.Validate(image)));
        var text = ConfigValidationTests.Config("""{"architecture": "textCnn", "maxTokens": 100, "nGramLength": 3}""",
            dataSource: """{"type": "jsonLines", "train": {"path": "a.jsonl"}, "validation": {"path": "v.jsonl"}, "columns": {"label": "y", "text": "a", "text2": "b"}}""",
            scenario: "textClassification");
        Assert.AreEqual("", string.Join("\n", ConfigReader.Validate(text)));
        var root = """{"$schema": "config.schema.json", "version": 1, "scenario": "imageClassification", "dataSource": {"type": "folder", "train": {"path": "d"}}, "output": {"directory": "o", "modelPath": "m.zip", "metricsPath": "m.json", "metricsCsvPath": "m.csv", "reportPath": "r.html", "workspacePath": "w"}}""";
        Assert.AreEqual("", string.Join("\n", ConfigReader.Validate(root)));
    }

    [TestMethod]
    public void ExampleConfigsInDocsAreValid()
    {
        var examples = Directory.GetFiles(RepoPaths.Examples, "*.json");
        Assert.IsGreaterThanOrEqualTo(2, examples.Length);
        foreach (var file in examples)
        {
            var errors = ConfigReader.Validate(File.ReadAllText(file), Path.GetFileName(file));
            Assert.AreEqual("", string.Join("\n", errors), file);
        }
    }

    [TestMethod]
    public void InitExamplesAreValid()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("classes/cat"));
        foreach (var text in new[]
        {
            ExampleConfigs.Image(), ExampleConfigs.Image(temp.File("classes")), ExampleConfigs.Image("list.tsv"), ExampleConfigs.Image("/nonexistent-idx"),
            ExampleConfigs.Text(), ExampleConfigs.Text("a.tsv"), ExampleConfigs.Text("a.jsonl"), ExampleConfigs.Text("a.json"),
        })
        {
            Assert.AreEqual("", string.Join("\n", ConfigReader.Validate(text)), text);
        }
    }

    [TestMethod]
    public void DocsExamplesMatchInit()
    {
        Assert.AreEqual(ExampleConfigs.Image(), File.ReadAllText(Path.Combine(RepoPaths.Examples, "fashion-mnist.json")).ReplaceLineEndings("\n"));
        Assert.AreEqual(ExampleConfigs.Text("reviews.csv"), File.ReadAllText(Path.Combine(RepoPaths.Examples, "text-reviews.json")).ReplaceLineEndings("\n"));
    }
}
