using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>A config's trainer options and their defaults are the trainers' own Options, not a copy.</summary>
[TestClass]
public sealed class TrainerOptionDefaultsTests
{
    private const string ImageData = """{"type": "idx", "train": {"path": "i.gz", "labelsPath": "l.gz"}}""";
    private const string TextData = """{"type": "csv", "train": {"path": "t.csv"}}""";

    [TestMethod]
    [DataRow(ConfigNames.ImageClassification, ImageData)]
    [DataRow(ConfigNames.TextClassification, TextData)]
    public void AConfigWithoutTrainingOptionsHasTheTrainersDefaults(string scenario, string dataSource)
    {
        var config = ConfigReader.ReadText($$"""{"scenario": "{{scenario}}", "dataSource": {{dataSource}}}""", "c.json", "/r");
        var defaults = scenario == ConfigNames.ImageClassification ? (ClassificationTrainerOptions)new ImageClassificationTrainer.Options() : new TextClassificationTrainer.Options();
        Assert.AreEqual(defaults.GetType(), config.TrainingOption.GetType());
        foreach (var field in TrainerOptionFields.All)
        {
            if (field.PropertyOf(defaults.GetType()) is not { } property) continue;
            Assert.AreEqual(property.GetValue(defaults), property.GetValue(config.TrainingOption), field.ConfigName);
        }
    }

    [TestMethod]
    public void TheSchemaDocumentsTheTrainersDefaults()
    {
        var image = new ImageClassificationTrainer.Options();
        var text = new TextClassificationTrainer.Options();
        foreach (var field in TrainerOptionFields.All)
        {
            var spec = ConfigSchema.TrainingOption.Field(field.ConfigName)!;
            var values = new object[] { image, text }
                .Where(o => field.PropertyOf(o.GetType()) is not null)
                .Select(o => field.PropertyOf(o.GetType())!.GetValue(o))
                .ToArray();
            if (spec.Default is null)
            {
                Assert.IsTrue(values.Distinct().Count() > 1 || values.All(v => v is null), $"{field.ConfigName}: a default the trainers share is documented");
                continue;
            }
            foreach (var value in values)
            {
                var expected = value ?? Running.RunOptions.SeedOf(ConfigReader.ReadText($$"""{"scenario": "imageClassification", "dataSource": {{ImageData}}}""", "c.json", "/r"));
                Assert.AreEqual(Normalize(expected), Normalize(JsonSerializer.Deserialize<JsonElement>(spec.Default)), field.ConfigName);
            }
        }
        Assert.AreEqual(64, image.BatchSize, "the image trainer's batch size, which a config now defaults to");
        StringAssert.Contains(ConfigSchema.TrainingOption.Field("batchSize")!.Description, "Default: 64 (imageClassification), 32 (textClassification).");
    }

    private static string Normalize(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } s => s.GetString()!,
        JsonElement e => e.GetRawText(),
        bool b => b ? "true" : "false",
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
