using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary><see cref="TextTrainerSettings"/> → <see cref="TextClassificationTrainer.Options"/>, property by property.</summary>
internal static class TextTrainerOptionsFactory
{
    public static TextClassificationTrainer.Options Create(TextTrainerSettings s, ComputeDevice device, TextDataSource? validationSet,
        bool resume, Action<TrainingProgress> progress)
    {
        var options = new TextClassificationTrainer.Options
        {
            TextColumnName = s.TextColumnName,
            Text2ColumnName = s.Text2ColumnName,
            Architecture = ArchitectureOf(s.Architecture),
            NGramLength = s.NGramLength,
            ValidationSet = validationSet,
        };
        if (s.MaxTokens is { } maxTokens) options.MaxTokens = maxTokens;
        return SharedTrainerOptions.Apply(options, s, device, validationSet is not null, resume, progress);
    }

    /// <summary>The config's architecture name (embeddingBag, textCnn, transformer) as the trainer's enum.</summary>
    public static TextClassificationArchitecture ArchitectureOf(string name) => name switch
    {
        "embeddingBag" => TextClassificationArchitecture.EmbeddingBag,
        "textCnn" => TextClassificationArchitecture.TextCnn,
        "transformer" => TextClassificationArchitecture.Transformer,
        _ => throw new ConfigException($"architecture '{name}' is not a text architecture; expected one of: {string.Join(", ", ConfigNames.TextArchitectures)}"),
    };
}
