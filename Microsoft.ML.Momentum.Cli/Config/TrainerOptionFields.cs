using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Momentum.Trainers;
using static Microsoft.ML.Momentum.Cli.Config.ConfigNames;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// The trainer options a config sets by name, bound onto the scenario's own Options object: the defaults are that
/// object's (so a config's default batch size is the trainer's), and the schema, the validator and the docs read
/// types, scenarios and defaults from the Options classes through <see cref="Spec"/>.
/// </summary>
internal static class TrainerOptionFields
{
    private static readonly ImageClassificationTrainer.Options ImageDefaults = new();
    private static readonly TextClassificationTrainer.Options TextDefaults = new();

    /// <summary>The scalar options, in the order the schema lists them.</summary>
    public static IReadOnlyList<TrainerOptionField> All { get; } =
    [
        new(nameof(ImageClassificationTrainer.Options.Architecture), "The network."),
        new(nameof(ClassificationTrainerOptions.BatchSize), "Examples per minibatch.") { Minimum = 1, Maximum = 65536 },
        new(nameof(ClassificationTrainerOptions.MaxEpoch), "Passes over the training data.") { Minimum = 1, Maximum = 100000 },
        new(nameof(ClassificationTrainerOptions.LearningRate), "Overrides the optimizer's learning rate.") { Minimum = 0, ExclusiveMinimum = true, WhenNull = "the optimizer's own" },
        new(nameof(ClassificationTrainerOptions.WeightDecay), "Weight decay; overrides the optimizer's own.") { Minimum = 0, WhenNull = "the optimizer's own" },
        new(nameof(ClassificationTrainerOptions.ValidationSetFraction), "Fraction of the training data held out for validation when dataSource.validation is absent (0: none).") { Minimum = 0, Maximum = 1, ExclusiveMaximum = true },
        new(nameof(ClassificationTrainerOptions.Seed), "Seed of initialisation, shuffling and augmentation.") { Minimum = 0, Maximum = int.MaxValue },
        new(nameof(ClassificationTrainerOptions.CheckpointEveryNEpochs), "Epochs between checkpoints (train --resume continues from the last).") { Minimum = 1, Maximum = 100000 },
        new(nameof(ClassificationTrainerOptions.LogEveryNSteps), "Optimizer steps between recorded progress points.") { Minimum = 1, Maximum = 1000000 },
        new(nameof(ImageClassificationTrainer.Options.ResNetDepth), "Depth of the ResNet, 6n+2 (8, 14, 20, 32, 44, 56, 110).") { Minimum = 8, Maximum = 1000 },
        new(nameof(ImageClassificationTrainer.Options.ResNetWidth), "Channels of the ResNet's first stage.") { Minimum = 1, Maximum = 4096 },
        new(nameof(ImageClassificationTrainer.Options.SkipInvalidImages), "Skip images that cannot be decoded instead of failing."),
        new(nameof(TextClassificationTrainer.Options.EmbeddingDimension), "Embedding (model) width.") { Minimum = 1, Maximum = 65536, WhenNull = "the architecture's" },
        new(nameof(TextClassificationTrainer.Options.MaxTokens), "Tokens kept per example.") { Minimum = 1, Maximum = 1000000 },
        new(nameof(TextClassificationTrainer.Options.NGramLength), "Longest word n-gram used as a feature (embeddingBag).") { Minimum = 1, Maximum = 5, WhenNull = "the architecture's" },
        new(nameof(TextClassificationTrainer.Options.NGramBuckets), "Hash buckets of the n-grams.") { Minimum = 1, Maximum = 100000000 },
        new(nameof(TextClassificationTrainer.Options.MinCount), "Words seen fewer times become the unknown token.") { Minimum = 1, Maximum = 1000000 },
        new(nameof(TextClassificationTrainer.Options.MaxVocabularySize), "The most vocabulary entries (3 reserved ones included).") { Minimum = 4, Maximum = 100000000 },
        new(nameof(TextClassificationTrainer.Options.StripHtml), "Remove HTML tags and decode entities before tokenizing."),
        new(nameof(TextClassificationTrainer.Options.Dropout), "Dropout before the output layer (and inside the Transformer).") { Minimum = 0, Maximum = 1, ExclusiveMaximum = true, WhenNull = "the architecture's" },
    ];

    /// <summary>A new Options object of <paramref name="scenario"/>'s trainer, with the trainer's defaults.</summary>
    public static ClassificationTrainerOptions NewOptions(string scenario)
        => scenario == ImageClassification ? new ImageClassificationTrainer.Options() : new TextClassificationTrainer.Options();

    /// <summary>The values an enum-typed field accepts in <paramref name="scenario"/>: the enum's names in camelCase.</summary>
    public static IReadOnlyList<string> ValuesIn(TrainerOptionField field, string scenario)
        => field.PropertyOf(NewOptions(scenario).GetType()) is { PropertyType: { IsEnum: true } type } ? Names(type) : [];

    /// <summary>The field as the schema and the validator see it.</summary>
    public static FieldSpec Spec(TrainerOptionField field)
    {
        var image = field.PropertyOf(ImageDefaults.GetType());
        var text = field.PropertyOf(TextDefaults.GetType());
        var type = (image ?? text)!.PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var defaults = new[] { (ImageClassification, Property: image, Options: (object)ImageDefaults), (TextClassification, Property: text, Options: TextDefaults) }
            .Where(d => d.Property is not null)
            .Select(d => (Scenario: d.Item1, Json: DefaultJson(field, d.Property!.GetValue(d.Options))))
            .ToArray();
        var description = field.Description;
        string? defaultJson = null;
        if (defaults.Select(d => d.Json).Distinct().Count() == 1) defaultJson = defaults[0].Json;
        else description += " Default: " + string.Join(", ", defaults.Select(d => $"{d.Json} ({d.Scenario})")) + ".";
        if (defaultJson is null && field.WhenNull is { } meaning) description += $" Default: {meaning}.";
        return new FieldSpec(field.ConfigName, FieldTypeOf(type), description)
        {
            Minimum = field.Minimum, ExclusiveMinimum = field.ExclusiveMinimum, Maximum = field.Maximum, ExclusiveMaximum = field.ExclusiveMaximum,
            Values = type.IsEnum ? [.. (image is null ? [] : Names(image.PropertyType)), .. (text is null ? [] : Names(text.PropertyType))] : null,
            Scenario = image is null ? TextClassification : text is null ? ImageClassification : null,
            Default = defaultJson,
        };
    }

    /// <summary>Sets every field present in <paramref name="section"/> on <paramref name="options"/> (the section is validated).</summary>
    public static void Apply(ConfigNode? section, ClassificationTrainerOptions options)
    {
        if (section is null) return;
        foreach (var field in All)
        {
            if (section[field.ConfigName] is not { } value || field.PropertyOf(options.GetType()) is not { } property) continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object parsed = type switch
            {
                _ when type == typeof(int) => (int)value.AsDouble(),
                _ when type == typeof(double) => value.AsDouble(),
                _ when type == typeof(bool) => value.Kind == NodeKind.True,
                _ when type.IsEnum => Enum.Parse(type, Enum.GetNames(type).First(n => JsonNamingPolicy.CamelCase.ConvertName(n) == value.Text)),
                _ => throw new InvalidOperationException($"trainingOption.{field.ConfigName}: options of type {type.Name} cannot be read from a config."),
            };
            property.SetValue(options, parsed);
        }
    }

    private static IReadOnlyList<string> Names(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();

    private static FieldType FieldTypeOf(Type type) => type == typeof(int) ? FieldType.Integer
        : type == typeof(double) ? FieldType.Number
        : type == typeof(bool) ? FieldType.Boolean
        : type.IsEnum ? FieldType.String
        : throw new InvalidOperationException($"A trainer option of type {type.Name} cannot be a config field.");

    /// <summary>The default as JSON text; the seed's null is the trainers' own fallback seed.</summary>
    private static string? DefaultJson(TrainerOptionField field, object? value) => value switch
    {
        null when field.PropertyName == nameof(ClassificationTrainerOptions.Seed) => TrainingSession.DefaultSeed.ToString(CultureInfo.InvariantCulture),
        null => null,
        bool b => b ? "true" : "false",
        Enum e => $"\"{JsonNamingPolicy.CamelCase.ConvertName(e.ToString())}\"",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
