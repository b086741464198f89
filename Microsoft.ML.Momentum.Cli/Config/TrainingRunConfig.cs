namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// A validated training config (the typed form of a file <c>momentum init</c> writes and <c>momentum train</c>
/// reads). Paths are absolute (resolved against the config file's folder).
/// </summary>
internal sealed record TrainingRunConfig
{
    /// <summary>The file it was read from (absolute), or a name for in-memory text.</summary>
    public required string SourcePath { get; init; }

    /// <summary><see cref="ConfigNames.ImageClassification"/> or <see cref="ConfigNames.TextClassification"/>.</summary>
    public required string Scenario { get; init; }

    public required DataSourceConfig DataSource { get; init; }

    public required TrainingOptionConfig TrainingOption { get; init; }

    public required EnvironmentConfig Environment { get; init; }

    public required OutputConfig Output { get; init; }

    public bool IsImage => Scenario == ConfigNames.ImageClassification;
}
