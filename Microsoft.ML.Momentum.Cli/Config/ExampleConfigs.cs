using System.Text.Json;
using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The commented example configs <c>momentum init image|text</c> writes.</summary>
internal static class ExampleConfigs
{
    /// <summary>The image example: the small CNN on Fashion-MNIST (IDX files) with Demon SGD, or the data at <paramref name="data"/>.</summary>
    public static string Image(string? data = null)
    {
        var dataSource = data is null || IsIdxDirectory(data)
            ? IdxDataSource(data ?? FashionMnist.DebianDirectory)
            : Directory.Exists(data) ? FolderDataSource(data) : ListingDataSource(data);
        return ImageTemplate
            .Replace("{{dataSource}}", dataSource, StringComparison.Ordinal)
            .Replace("{{batchSize}}", BatchSizeOf(ConfigNames.ImageClassification), StringComparison.Ordinal);
    }

    /// <summary>The text example: an EmbeddingBag (fastText-style) classifier trained with MoMo on <paramref name="data"/>.</summary>
    public static string Text(string? data = null)
    {
        data ??= "train.csv";
        var type = Path.GetExtension(data).ToLowerInvariant() switch
        {
            ".tsv" or ".txt" => ConfigNames.Tsv,
            ".json" => ConfigNames.Json,
            ".jsonl" or ".ndjson" => ConfigNames.JsonLines,
            _ => ConfigNames.Csv,
        };
        var header = type is ConfigNames.Csv or ConfigNames.Tsv
            ? "\n    // csv/tsv: the first line names the columns.\n    \"hasHeader\": true,"
            : "";
        return TextTemplate
            .Replace("{{type}}", type, StringComparison.Ordinal)
            .Replace("{{path}}", Json(data), StringComparison.Ordinal)
            .Replace("{{hasHeader}}", header, StringComparison.Ordinal)
            .Replace("{{batchSize}}", BatchSizeOf(ConfigNames.TextClassification), StringComparison.Ordinal);
    }

    /// <summary>The scenario's trainer default, written out so that users see what they would change.</summary>
    private static string BatchSizeOf(string scenario)
        => TrainerOptionFields.NewOptions(scenario).BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsIdxDirectory(string path)
        => Directory.Exists(path) && Directory.EnumerateFiles(path, "*-images-idx3-ubyte*").Any();

    private static string IdxDataSource(string directory)
    {
        string Find(string prefix, string kind, string fallback)
            => Directory.Exists(directory) && Directory.EnumerateFiles(directory, $"{prefix}-{kind}-*").Order().FirstOrDefault() is { } found
                ? found
                : Path.Combine(directory, fallback);
        var classNames = string.Join(", ", FashionMnist.ClassNames.Select(Json));
        return $$"""
            // folder (one sub-folder per class), idx (images + labels files), csv or tsv (a list of image paths and labels).
                "type": "idx",
                "train": {
                  "path": {{Json(Find("train", "images", "train-images-idx3-ubyte.gz"))}},
                  "labelsPath": {{Json(Find("train", "labels", "train-labels-idx1-ubyte.gz"))}}
                },
                // Evaluated once after training: the report's final metrics and confusion matrix.
                "test": {
                  "path": {{Json(Find("t10k", "images", "t10k-images-idx3-ubyte.gz"))}},
                  "labelsPath": {{Json(Find("t10k", "labels", "t10k-labels-idx1-ubyte.gz"))}}
                },
                // Names of labels 0, 1, ... (Fashion-MNIST's).
                "classNames": [{{classNames}}]
            """;
    }

    private static string FolderDataSource(string directory) => $$"""
        // folder: one sub-folder per class, named after the class.
            "type": "folder",
            "train": { "path": {{Json(directory)}} }
            // "validation": { "path": "..." }, "test": { "path": "..." }
        """;

    private static string ListingDataSource(string file) => $$"""
        // csv or tsv: one row per image, with the image's path (relative to imageDirectory or the file's folder) and its label.
            "type": {{Json(Path.GetExtension(file).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? "tsv" : "csv")}},
            "train": { "path": {{Json(file)}} },
            "hasHeader": true,
            "columns": { "label": "Label", "image": "ImagePath" }
        """;

    private static string Json(string value) => JsonSerializer.Serialize(value, ExampleJsonContext.Default.String);

    private const string ImageTemplate = """
        // momentum training configuration: train with  momentum train --config <this file>
        // JSON with comments. Every field is described in the JSON Schema docs/config.schema.json (momentum schema prints it;
        // add "$schema": "<path to it>" for completion in editors). Relative paths are relative to this file.
        {
          "version": 1,
          // imageClassification or textClassification.
          "scenario": "imageClassification",
          "dataSource": {
            {{dataSource}}
          },
          // The trainer's options (ImageClassificationTrainer.Options names in camelCase).
          "trainingOption": {
            // smallCnn, resNet or mlp.
            "architecture": "smallCnn",
            // Options left out take the trainer's defaults (docs/configuration.md lists them).
            "batchSize": {{batchSize}},
            "maxEpoch": 5,
            // Any optimizer of the library in its JSON form. Demon SGD (Chen et al.) decays the momentum to 0 over the run.
            // Other paper methods: {"name": "momo", "learningRate": 1.0} (adaptive step size),
            // or AutoDrop on top of any optimizer: {"name": "sgdMomentum", "learningRate": 0.05, "controller": {"name": "autoDrop", "window": 64}}.
            "optimizer": { "name": "demonSgd", "learningRate": 0.05, "momentum": 0.9 },
            // Optional: a learning-rate schedule that overrides the optimizer's, e.g. {"name": "cosine", "warmupSteps": 200}.
            // "learningRateSchedule": { "name": "cosine" },
            // Held out of the training data for per-epoch validation (when dataSource has no "validation").
            "validationSetFraction": 0.1,
            "earlyStoppingCriteria": { "metric": "accuracy", "patience": 3, "minDelta": 0.001, "restoreBestWeights": true },
            "augmentation": { "cropPadding": 2, "horizontalFlip": true },
            "seed": 1,
            // train --resume continues from the latest checkpoint.
            "checkpointEveryNEpochs": 1,
            // Optimizer steps between points on the report's step charts.
            "logEveryNSteps": 50
          },
          // cpu, cuda (the first GPU) or cuda:N; numberOfThreads defaults to all cores.
          "environment": { "device": "cpu" },
          // model.zip, metrics.json, metrics.csv, report.html and workspace/ (checkpoints) go here.
          "output": { "directory": "momentum-output" }
        }

        """;

    private const string TextTemplate = """
        // momentum training configuration: train with  momentum train --config <this file>
        // JSON with comments. Every field is described in the JSON Schema docs/config.schema.json (momentum schema prints it;
        // add "$schema": "<path to it>" for completion in editors). Relative paths are relative to this file.
        {
          "version": 1,
          // imageClassification or textClassification.
          "scenario": "textClassification",
          "dataSource": {
            // csv, tsv, json (an array of objects) or jsonLines (one object per line).
            "type": "{{type}}",
            "train": { "path": {{path}} },
            // Optional: "validation": { "path": "valid.csv" }, "test": { "path": "test.csv" }{{hasHeader}}
            // Which columns hold the label and the text ("text2": a second text for sentence pairs).
            "columns": { "label": "Label", "text": "Text" }
          },
          // The trainer's options (TextClassificationTrainer.Options names in camelCase).
          "trainingOption": {
            // embeddingBag (fastText-style, fast), textCnn or transformer.
            "architecture": "embeddingBag",
            "batchSize": {{batchSize}},
            "maxEpoch": 5,
            // MoMo (Schaipp et al.): the learning rate is only a cap; the step size adapts to the loss.
            // Others: {"name": "demonAdam", "learningRate": 0.001}, {"name": "adamW"}, or any optimizer with
            // "controller": {"name": "autoDrop"}.
            "optimizer": { "name": "momo", "learningRate": 1.0 },
            "validationSetFraction": 0.1,
            "earlyStoppingCriteria": { "metric": "macroF1", "patience": 2 },
            // Tokens kept per example; word n-grams up to this length are features (embeddingBag).
            "maxTokens": 256,
            "nGramLength": 2,
            "seed": 1,
            "checkpointEveryNEpochs": 1,
            "logEveryNSteps": 50
          },
          "environment": { "device": "cpu" },
          "output": { "directory": "momentum-output" }
        }

        """;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ExampleJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
