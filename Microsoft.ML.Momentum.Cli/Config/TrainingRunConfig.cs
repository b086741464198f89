using Microsoft.ML.Momentum.Trainers;

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

    /// <summary>
    /// The scenario's trainer Options (<see cref="ImageClassificationTrainer.Options"/> or
    /// <see cref="TextClassificationTrainer.Options"/>) as the config sets them; change a copy (<see cref="WithTrainingOption"/>).
    /// </summary>
    public required ClassificationTrainerOptions TrainingOption { get; init; }

    public required EnvironmentConfig Environment { get; init; }

    public required OutputConfig Output { get; init; }

    public bool IsImage => Scenario == ConfigNames.ImageClassification;

    /// <summary>This config with a copy of its trainer options changed by <paramref name="change"/>.</summary>
    public TrainingRunConfig WithTrainingOption(Action<ClassificationTrainerOptions> change)
    {
        var copy = TrainingOption.ShallowCopy<ClassificationTrainerOptions>();
        change(copy);
        return this with { TrainingOption = copy };
    }
}
