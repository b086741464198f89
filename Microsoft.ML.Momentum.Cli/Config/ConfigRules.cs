using static Microsoft.ML.Momentum.Cli.Config.ConfigNames;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Checks that involve several fields (run after the per-field checks passed): the data source type and the
/// architecture fit the scenario, fields that belong to one data source type, validation data given twice,
/// early stopping without validation data.
/// </summary>
internal static class ConfigRules
{
    public static void Check(ConfigNode root, ValidationContext context)
    {
        if (context.Scenario is not { } scenario) return;
        if (root["dataSource"] is { Kind: NodeKind.Object } dataSource) CheckDataSource(dataSource, scenario, context);
        if (root["trainingOption"] is { Kind: NodeKind.Object } options) CheckTrainingOption(options, root["dataSource"], scenario, context);
    }

    private static void CheckDataSource(ConfigNode dataSource, string scenario, ValidationContext context)
    {
        const string path = "$.dataSource";
        if (dataSource["type"] is not { Kind: NodeKind.String } typeNode || !DataSourceTypes.Contains(typeNode.Text)) return;
        var type = typeNode.Text!;
        var allowed = DataSourceTypesFor(scenario);
        if (!allowed.Contains(type))
        {
            context.Add(typeNode.Offset, path + ".type",
                $"data source type '{type}' does not apply to scenario '{scenario}'; expected one of: {string.Join(", ", allowed)}");
            return;
        }
        foreach (var split in new[] { "train", "validation", "test" })
        {
            if (dataSource[split] is not { Kind: NodeKind.Object } files) continue;
            var splitPath = $"{path}.{split}";
            var labels = files.Property("labelsPath");
            if (type == Idx && labels is null)
            {
                context.Add(files.Offset, splitPath, "missing required field 'labelsPath' (data source type 'idx' needs an images file and a labels file)");
            }
            else if (type != Idx && labels is not null)
            {
                context.Add(labels.NameOffset, splitPath + ".labelsPath", $"'labelsPath' applies only to data source type 'idx', not '{type}'");
            }
        }
        var tabular = type is Csv or Tsv or Json or JsonLines;
        OnlyFor(dataSource, "columns", tabular, $"'columns' applies only to data source types csv, tsv, json and jsonLines, not '{type}'", context);
        OnlyFor(dataSource, "hasHeader", type is Csv or Tsv, $"'hasHeader' applies only to data source types csv and tsv, not '{type}'", context);
        OnlyFor(dataSource, "imageDirectory", type is Csv or Tsv, $"'imageDirectory' applies only to data source types csv and tsv, not '{type}'", context);
        OnlyFor(dataSource, "classNames", type == Idx, $"'classNames' applies only to data source type 'idx', not '{type}'", context);
    }

    private static void OnlyFor(ConfigNode dataSource, string field, bool allowed, string message, ValidationContext context)
    {
        if (!allowed && dataSource.Property(field) is { } property) context.Add(property.NameOffset, "$.dataSource." + field, message);
    }

    private static void CheckTrainingOption(ConfigNode options, ConfigNode? dataSource, string scenario, ValidationContext context)
    {
        const string path = "$.trainingOption";
        if (options["architecture"] is { Kind: NodeKind.String } architecture && Architectures.Contains(architecture.Text))
        {
            var allowed = ArchitecturesFor(scenario);
            if (!allowed.Contains(architecture.Text))
            {
                context.Add(architecture.Offset, path + ".architecture",
                    $"architecture '{architecture.Text}' does not apply to scenario '{scenario}'; expected one of: {string.Join(", ", allowed)}");
            }
        }
        var hasValidationData = dataSource?["validation"] is { Kind: NodeKind.Object };
        var fraction = options.Property("validationSetFraction");
        if (hasValidationData && fraction is { Value.Kind: NodeKind.Number } && fraction.Value.AsDouble() > 0)
        {
            context.Add(fraction.NameOffset, path + ".validationSetFraction",
                "set either dataSource.validation or validationSetFraction, not both (validationSetFraction must be 0 when validation data is given)");
        }
        if (options.Property("earlyStoppingCriteria") is { } early && !hasValidationData && fraction is { Value.Kind: NodeKind.Number } && fraction.Value.AsDouble() == 0)
        {
            context.Add(early.NameOffset, path + ".earlyStoppingCriteria",
                "early stopping needs validation data: give dataSource.validation or a validationSetFraction above 0");
        }
    }
}
