using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>docs/configuration.md documents every field of <see cref="ConfigSchema"/> under its full path.</summary>
[TestClass]
public sealed class ConfigurationDocTests
{
    private static readonly (ObjectSpec Section, string Prefix)[] Sections =
    [
        (ConfigSchema.Root, ""),
        (ConfigSchema.DataSource, "dataSource."),
        (ConfigSchema.DataFiles, "dataSource.<split>."),
        (ConfigSchema.Columns, "dataSource.columns."),
        (ConfigSchema.TrainingOption, "trainingOption."),
        (ConfigSchema.EarlyStopping, "trainingOption.earlyStoppingCriteria."),
        (ConfigSchema.Augmentation, "trainingOption.augmentation."),
        (ConfigSchema.Environment, "environment."),
        (ConfigSchema.Output, "output."),
    ];

    [TestMethod]
    public void EverySectionIsCovered()
        => CollectionAssert.AreEquivalent(ConfigSchema.Sections.ToArray(), Sections.Select(s => s.Section).ToArray());

    [TestMethod]
    public void EveryFieldHasARowWithItsDescription()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Docs, "configuration.md"));
        var missing = new List<string>();
        foreach (var (section, prefix) in Sections)
        {
            foreach (var field in section.Fields)
            {
                var row = lines.FirstOrDefault(l => l.StartsWith($"| `{prefix}{field.Name}` |", StringComparison.Ordinal));
                if (row is null || !row.Contains(field.Description.Replace("|", "\\|", StringComparison.Ordinal), StringComparison.Ordinal)) missing.Add(prefix + field.Name);
            }
        }
        Assert.IsEmpty(missing, "regenerate the tables of docs/configuration.md from docs/config.schema.json for: " + string.Join(", ", missing));
    }
}
