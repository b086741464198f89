using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Bad configs, each with the exact error the reader must give (file:line:column: path: message).</summary>
[TestClass]
public sealed class ConfigValidationTests
{
    private const string ImageData = """{"type": "idx", "train": {"path": "i.gz", "labelsPath": "l.gz"}}""";
    private const string TextData = """{"type": "csv", "train": {"path": "t.csv"}}""";

    /// <summary>A config with each section on its own line: 2 scenario, 3 dataSource, 4 trainingOption (its "{" at column 21), 5 environment.</summary>
    internal static string Config(string training = "{}", string environment = "{}", string? dataSource = null, string scenario = "imageClassification")
        => "{\n" +
           $"  \"scenario\": \"{scenario}\",\n" +
           $"  \"dataSource\": {dataSource ?? (scenario == "textClassification" ? TextData : ImageData)},\n" +
           $"  \"trainingOption\": {training},\n" +
           $"  \"environment\": {environment}\n" +
           "}\n";

    public static IEnumerable<object[]> BadConfigs() =>
    [
        ["syntax error", "{\n  \"scenario\": \"imageClassification\"\n  \"dataSource\": {}\n}", "c.json:3:3: $: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'."],
        ["empty file", "  ", "c.json:1:1: $: the file is empty; expected a JSON object"],
        ["root is an array", "[1, 2]", "c.json:1:1: $: expected an object, got an array"],
        ["missing scenario", "{\"dataSource\": " + ImageData + "}", "c.json:1:1: $: missing required field 'scenario'"],
        ["misspelt scenario", Config().Replace("imageClassification", "imageclassification"), "c.json:2:15: $.scenario: 'imageclassification' is not a valid scenario; did you mean 'imageClassification'?"],
        ["misspelt section", Config().Replace("\"trainingOption\"", "\"trainingOptions\""), "c.json:4:3: $.trainingOptions: unknown field 'trainingOptions'; did you mean 'trainingOption'?"],
        ["unknown field, nothing close", Config("{\"foo\": 1}"), "c.json:4:22: $.trainingOption.foo: unknown field 'foo'; expected one of: architecture, batchSize, maxEpoch, learningRate, weightDecay, validationSetFraction, seed, checkpointEveryNEpochs, logEveryNSteps, resNetDepth, resNetWidth, skipInvalidImages, embeddingDimension, maxTokens, nGramLength, nGramBuckets, minCount, maxVocabularySize, stripHtml, dropout, optimizer, learningRateSchedule, earlyStoppingCriteria, imageSize, augmentation"],
        ["Model Builder casing", Config("{\"BatchSize\": 64}"), "c.json:4:22: $.trainingOption.BatchSize: unknown field 'BatchSize'; did you mean 'batchSize'?"],
        ["batch size zero", Config("{\"batchSize\": 0}"), "c.json:4:35: $.trainingOption.batchSize: must be in [1, 65536], got 0"],
        ["batch size as string", Config("{\"batchSize\": \"64\"}"), "c.json:4:35: $.trainingOption.batchSize: expected an integer, got the string \"64\""],
        ["batch size null", Config("{\"batchSize\": null}"), "c.json:4:35: $.trainingOption.batchSize: expected an integer, got null"],
        ["fractional epochs", Config("{\"maxEpoch\": 2.5}"), "c.json:4:34: $.trainingOption.maxEpoch: expected an integer, got 2.5"],
        ["learning rate zero", Config("{\"learningRate\": 0}"), "c.json:4:38: $.trainingOption.learningRate: must be > 0, got 0"],
        ["validation fraction 1", Config("{\"validationSetFraction\": 1}"), "c.json:4:47: $.trainingOption.validationSetFraction: must be in [0, 1), got 1"],
        ["duplicate field", Config("{\"seed\": 1, \"seed\": 2}"), "c.json:4:33: $.trainingOption.seed: duplicate field 'seed'"],
        ["boolean as string", Config("{\"skipInvalidImages\": \"yes\"}"), "c.json:4:43: $.trainingOption.skipInvalidImages: expected true or false, got the string \"yes\""],
        ["data type of the other scenario", Config(dataSource: "{\"type\": \"jsonLines\", \"train\": {\"path\": \"a.jsonl\"}}"), "c.json:3:26: $.dataSource.type: data source type 'jsonLines' does not apply to scenario 'imageClassification'; expected one of: folder, idx, csv, tsv"],
        ["idx without labels", Config(dataSource: "{\"type\": \"idx\", \"train\": {\"path\": \"i.gz\"}}"), "c.json:3:42: $.dataSource.train: missing required field 'labelsPath' (data source type 'idx' needs an images file and a labels file)"],
        ["labels for a folder", Config(dataSource: "{\"type\": \"folder\", \"train\": {\"path\": \"d\", \"labelsPath\": \"l\"}}"), "c.json:3:59: $.dataSource.train.labelsPath: 'labelsPath' applies only to data source type 'idx', not 'folder'"],
        ["missing train path", Config(dataSource: "{\"type\": \"folder\", \"train\": {}}"), "c.json:3:45: $.dataSource.train: missing required field 'path'"],
        ["empty path", Config(dataSource: "{\"type\": \"folder\", \"train\": {\"path\": \" \"}}"), "c.json:3:54: $.dataSource.train.path: must not be empty"],
        ["text architecture for images", Config("{\"architecture\": \"textCnn\"}"), "c.json:4:38: $.trainingOption.architecture: architecture 'textCnn' does not apply to scenario 'imageClassification'; expected one of: smallCnn, resNet, mlp"],
        ["image option in a text config", Config("{\"imageSize\": 32}", scenario: "textClassification"), "c.json:4:22: $.trainingOption.imageSize: 'imageSize' applies only to scenario 'imageClassification', not 'textClassification'"],
        ["unknown device", Config(environment: "{\"device\": \"gpu\"}"), "c.json:5:29: $.environment.device: 'gpu' is not a valid device; expected cpu, cuda or cuda:N"],
        ["zero threads", Config(environment: "{\"numberOfThreads\": 0}"), "c.json:5:38: $.environment.numberOfThreads: must be in [1, 1024], got 0"],
        ["misspelt metric", Config("{\"earlyStoppingCriteria\": {\"metric\": \"accurcy\"}}"), "c.json:4:58: $.trainingOption.earlyStoppingCriteria.metric: 'accurcy' is not a valid metric; did you mean 'accuracy'?"],
        ["patience zero", Config("{\"earlyStoppingCriteria\": {\"patience\": 0}}"), "c.json:4:60: $.trainingOption.earlyStoppingCriteria.patience: must be in [1, 10000], got 0"],
        ["unknown optimizer", Config("{\"optimizer\": {\"name\": \"demon\"}}"), "c.json:4:44: $.trainingOption.optimizer.name: unknown optimizer 'demon'; did you mean 'demonSgd'?"],
        ["misspelt optimizer field", Config("{\"optimizer\": {\"name\": \"demonSgd\", \"momentun\": 0.9}}"), "c.json:4:56: $.trainingOption.optimizer.momentun: unknown field 'momentun' for optimizer 'demonSgd'; did you mean 'momentum'?"],
        ["optimizer value out of range", Config("{\"optimizer\": {\"name\": \"sgdMomentum\", \"momentum\": 1.5}}"), "c.json:4:71: $.trainingOption.optimizer.momentum: Momentum must be in [0, 1) (was 1.5)"],
        ["optimizer without name", Config("{\"optimizer\": {\"learningRate\": 0.1}}"), "c.json:4:35: $.trainingOption.optimizer: missing required field 'name' (the optimizer: sgd, sgdMomentum, demonSgd, adam, adamW, demonAdam, momo, momoAdam)"],
        ["optimizer as a bare name", Config("{\"optimizer\": \"momo\"}"), "c.json:4:35: $.trainingOption.optimizer: expected an optimizer object, got the string \"momo\"; write {\"name\": \"momo\"}"],
        ["optimizer field of the wrong type", Config("{\"optimizer\": {\"name\": \"momo\", \"beta\": \"high\"}}"), "c.json:4:60: $.trainingOption.optimizer.beta: expected a number, got the string \"high\""],
        ["unknown schedule", Config("{\"learningRateSchedule\": {\"name\": \"cosin\"}}"), "c.json:4:55: $.trainingOption.learningRateSchedule.name: unknown schedule 'cosin'; did you mean 'cosine'?"],
        ["schedule unit misspelt", Config("{\"learningRateSchedule\": {\"name\": \"cosine\", \"unit\": \"epochs\"}}"), "c.json:4:73: $.trainingOption.learningRateSchedule.unit: 'epochs' is not a valid unit; did you mean 'epoch'?"],
        ["computed schedule field", Config("{\"learningRateSchedule\": {\"name\": \"cosine\", \"needsHorizon\": true}}"), "c.json:4:65: $.trainingOption.learningRateSchedule.needsHorizon: unknown field 'needsHorizon' for schedule 'cosine'; expected one of: name, minFactor, warmupSteps, warmupFraction, warmupStartFactor, unit"],
        ["controller window as string", Config("{\"optimizer\": {\"name\": \"sgd\", \"controller\": {\"name\": \"autoDrop\", \"window\": \"64\"}}}"), "c.json:4:96: $.trainingOption.optimizer.controller.window: expected an integer, got the string \"64\""],
        ["controller value out of range", Config("{\"optimizer\": {\"name\": \"sgd\", \"controller\": {\"name\": \"autoDrop\", \"factor\": 1}}}"), "c.json:4:96: $.trainingOption.optimizer.controller.factor: Factor must be in (0, 1) (was 1)"],
        ["validation given twice", Config("{\"validationSetFraction\": 0.2}", dataSource: "{\"type\": \"folder\", \"train\": {\"path\": \"t\"}, \"validation\": {\"path\": \"v\"}}"), "c.json:4:22: $.trainingOption.validationSetFraction: set either dataSource.validation or validationSetFraction, not both (validationSetFraction must be 0 when validation data is given)"],
        ["early stopping without validation", Config("{\"validationSetFraction\": 0, \"earlyStoppingCriteria\": {}}"), "c.json:4:50: $.trainingOption.earlyStoppingCriteria: early stopping needs validation data: give dataSource.validation or a validationSetFraction above 0"],
        ["future version", "{\"version\": 2, \"scenario\": \"imageClassification\", \"dataSource\": " + ImageData + "}", "c.json:1:13: $.version: must be in [1, 1], got 2"],
        ["class names not strings", Config(dataSource: "{\"type\": \"idx\", \"train\": {\"path\": \"i\", \"labelsPath\": \"l\"}, \"classNames\": [\"a\", 2]}"), "c.json:3:96: $.dataSource.classNames[1]: expected a non-empty string, got 2"],
        ["columns for idx data", Config(dataSource: "{\"type\": \"idx\", \"train\": {\"path\": \"i\", \"labelsPath\": \"l\"}, \"columns\": {\"label\": \"y\"}}"), "c.json:3:76: $.dataSource.columns: 'columns' applies only to data source types csv, tsv, json and jsonLines, not 'idx'"],
        ["text column in an image config", Config(dataSource: "{\"type\": \"csv\", \"train\": {\"path\": \"a.csv\"}, \"columns\": {\"text\": \"Review\"}}"), "c.json:3:73: $.dataSource.columns.text: 'text' applies only to scenario 'textClassification', not 'imageClassification'"],
    ];

    public static string CaseName(System.Reflection.MethodInfo method, object[] row) => (string)row[0];

    [TestMethod]
    [DynamicData(nameof(BadConfigs), DynamicDataDisplayName = nameof(CaseName))]
    public void BadConfigIsRejectedWithExactMessage(string name, string json, string expected)
    {
        var errors = ConfigReader.Validate(json, "c.json");
        Assert.AreEqual(1, errors.Count, $"{name}: expected one error, got:\n{string.Join("\n", errors)}");
        Assert.AreEqual(expected, errors[0].ToString(), name);
    }

    [TestMethod]
    public void TableHasAtLeastTwentyCases() => Assert.IsGreaterThanOrEqualTo(20, BadConfigs().Count());

    [TestMethod]
    public void EveryProblemIsReportedInFileOrder()
    {
        var errors = ConfigReader.Validate(Config("{\"batchSize\": 0, \"maxEpochs\": 3}", "{\"device\": \"tpu\"}"), "c.json");
        CollectionAssert.AreEqual(
            new[]
            {
                "c.json:4:35: $.trainingOption.batchSize: must be in [1, 65536], got 0",
                "c.json:4:38: $.trainingOption.maxEpochs: unknown field 'maxEpochs'; did you mean 'maxEpoch'?",
                "c.json:5:29: $.environment.device: 'tpu' is not a valid device; expected cpu, cuda or cuda:N",
            },
            errors.Select(e => e.ToString()).ToArray());
    }

    [TestMethod]
    public void ReadThrowsConfigExceptionWithAllErrors()
    {
        var e = Assert.ThrowsExactly<ConfigException>(() => ConfigReader.ReadText(Config("{\"batchSize\": 0}"), "c.json"));
        Assert.AreEqual("c.json:4:35: $.trainingOption.batchSize: must be in [1, 65536], got 0", e.Message);
    }

    [TestMethod]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var json = "// header\n{\n  /* block */ \"scenario\": \"imageClassification\", // trailing\n  \"dataSource\": " + ImageData + ",\n}\n";
        Assert.AreEqual(0, ConfigReader.Validate(json).Count);
    }

    [TestMethod]
    public void MissingFileIsAConfigError()
    {
        var e = Assert.ThrowsExactly<ConfigException>(() => ConfigReader.ReadFile("/nonexistent/momentum.json"));
        Assert.AreEqual("config file '/nonexistent/momentum.json' was not found (create one with 'momentum init image|text').", e.Message);
    }
}
