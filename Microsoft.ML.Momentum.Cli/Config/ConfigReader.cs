using System.Text;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Reads a training config strictly: JSON with comments, then every field checked against
/// <see cref="ConfigSchema"/> and the cross-field rules; all problems are reported at once, each with the
/// file, line, column and JSON path (<see cref="ConfigException"/>).
/// </summary>
internal static class ConfigReader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static TrainingRunConfig ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new ConfigException($"'{path}' is a directory; expected a config file (create one with 'momentum init image|text').");
        if (!File.Exists(full)) throw new ConfigException($"config file '{path}' was not found (create one with 'momentum init image|text').");
        return Read(File.ReadAllBytes(full), path, full, Path.GetDirectoryName(full)!);
    }

    /// <summary>Reads and validates config text; <paramref name="fileName"/> names it in errors.</summary>
    public static TrainingRunConfig ReadText(string text, string fileName = "config.json", string? baseDirectory = null)
        => Read(Encoding.UTF8.GetBytes(text), fileName, fileName, baseDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>The problems in config text (empty when it is valid).</summary>
    public static IReadOnlyList<ConfigError> Validate(string text, string fileName = "config.json")
        => Validate(new SourceText(fileName, Encoding.UTF8.GetBytes(text)), out _);

    private static TrainingRunConfig Read(byte[] bytes, string fileName, string sourcePath, string baseDirectory)
    {
        var errors = Validate(new SourceText(fileName, bytes), out var root);
        if (errors.Count > 0) throw new ConfigException(errors);
        return ConfigBinder.Bind(root!, sourcePath, baseDirectory);
    }

    private static IReadOnlyList<ConfigError> Validate(SourceText source, out ConfigNode? root)
    {
        root = ConfigJsonParser.Parse(source, out var syntax);
        if (root is null) return [syntax!];
        var context = new ValidationContext(source);
        if (root.Kind == NodeKind.Object && root["scenario"] is { Kind: NodeKind.String } scenario && ConfigNames.Scenarios.Contains(scenario.Text))
        {
            context.Scenario = scenario.Text;
        }
        SpecValidator.ValidateObject(root, ConfigSchema.Root, "$", context);
        if (context.ErrorCount == 0) ConfigRules.Check(root, context);
        return context.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
    }
}
