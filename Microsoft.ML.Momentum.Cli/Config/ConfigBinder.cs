using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>Turns a validated <see cref="ConfigNode"/> tree into a <see cref="TrainingRunConfig"/> (defaults filled, paths absolute).</summary>
internal static class ConfigBinder
{
    public static TrainingRunConfig Bind(ConfigNode root, string sourcePath, string baseDirectory)
    {
        var scenario = root["scenario"]!.Text!;
        var output = root["output"];
        var directory = Resolve(baseDirectory, Str(output, "directory") ?? "momentum-output");
        var defaults = OutputConfig.In(directory);
        var dataSource = BindDataSource(root["dataSource"]!, baseDirectory);
        return new TrainingRunConfig
        {
            SourcePath = sourcePath,
            Scenario = scenario,
            DataSource = dataSource,
            TrainingOption = BindTrainingOption(root["trainingOption"], scenario, dataSource.Columns),
            Environment = new EnvironmentConfig
            {
                Device = Str(root["environment"], "device") ?? "cpu",
                NumberOfThreads = Int(root["environment"], "numberOfThreads"),
            },
            Output = new OutputConfig(
                directory,
                ResolveOr(baseDirectory, Str(output, "modelPath"), defaults.ModelPath),
                ResolveOr(baseDirectory, Str(output, "metricsPath"), defaults.MetricsPath),
                ResolveOr(baseDirectory, Str(output, "metricsCsvPath"), defaults.MetricsCsvPath),
                ResolveOr(baseDirectory, Str(output, "reportPath"), defaults.ReportPath),
                ResolveOr(baseDirectory, Str(output, "workspacePath"), defaults.WorkspacePath)),
        };
    }

    private static DataSourceConfig BindDataSource(ConfigNode node, string baseDirectory)
    {
        DataFilesConfig? Files(ConfigNode? files) => files is null
            ? null
            : new DataFilesConfig(Resolve(baseDirectory, Str(files, "path")!), Str(files, "labelsPath") is { } labels ? Resolve(baseDirectory, labels) : null);
        var columns = node["columns"];
        var defaults = new ColumnsConfig();
        return new DataSourceConfig
        {
            Type = Str(node, "type")!,
            Train = Files(node["train"])!,
            Validation = Files(node["validation"]),
            Test = Files(node["test"]),
            Columns = new ColumnsConfig
            {
                Label = Str(columns, "label") ?? defaults.Label,
                Image = Str(columns, "image") ?? defaults.Image,
                Text = Str(columns, "text") ?? defaults.Text,
                Text2 = Str(columns, "text2"),
            },
            HasHeader = Bool(node, "hasHeader") ?? true,
            ImageDirectory = Str(node, "imageDirectory") is { } images ? Resolve(baseDirectory, images) : null,
            ClassNames = node["classNames"]?.Items.Select(i => i.Text!).ToArray(),
        };
    }

    /// <summary>
    /// The scenario's trainer Options with the trainer's defaults, the config's trainingOption fields set on them,
    /// and the column names of dataSource.columns (they are recorded in the model for evaluate and predict).
    /// </summary>
    private static ClassificationTrainerOptions BindTrainingOption(ConfigNode? node, string scenario, ColumnsConfig columns)
    {
        var options = TrainerOptionFields.NewOptions(scenario);
        TrainerOptionFields.Apply(node, options);
        options.LabelColumnName = columns.Label;
        options.Optimizer = node?["optimizer"] is { } optimizer ? OptimizerJson.Deserialize(optimizer.ToJson()) : null;
        options.LearningRateSchedule = node?["learningRateSchedule"] is { } schedule ? OptimizerJson.DeserializeSchedule(schedule.ToJson()) : null;
        if (node?["earlyStoppingCriteria"] is { } early)
        {
            var defaults = new EarlyStoppingCriteria();
            options.EarlyStoppingCriteria = new EarlyStoppingCriteria
            {
                Metric = Str(early, "metric") switch
                {
                    "macroF1" => ClassificationMetric.MacroF1,
                    "logLoss" => ClassificationMetric.LogLoss,
                    _ => ClassificationMetric.Accuracy,
                },
                Patience = Int(early, "patience") ?? defaults.Patience,
                MinDelta = Dbl(early, "minDelta") ?? defaults.MinDelta,
                RestoreBestWeights = Bool(early, "restoreBestWeights") ?? defaults.RestoreBestWeights,
            };
        }
        switch (options)
        {
            case ImageClassificationTrainer.Options image:
                image.ImageColumnName = columns.Image;
                if (Int(node, "imageSize") is { } side) image.ImageSize = new ImageSize(side, side);
                if (node?["augmentation"] is { } augmentation)
                {
                    var cropPadding = Int(augmentation, "cropPadding") ?? 0;
                    var flip = Bool(augmentation, "horizontalFlip") ?? false;
                    image.Augmentation = cropPadding > 0 || flip ? new ImageAugmentation(cropPadding, flip) : null;
                }
                break;
            case TextClassificationTrainer.Options text:
                text.TextColumnName = columns.Text;
                text.Text2ColumnName = columns.Text2;
                break;
        }
        return options;
    }

    private static string Resolve(string baseDirectory, string path)
        => Path.GetFullPath(Path.Combine(baseDirectory, path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), path[2..])
            : path));

    private static string ResolveOr(string baseDirectory, string? path, string fallback) => path is null ? fallback : Resolve(baseDirectory, path);

    private static string? Str(ConfigNode? node, string name) => node?[name]?.Text;

    private static int? Int(ConfigNode? node, string name) => node?[name] is { } value ? (int)value.AsDouble() : null;

    private static double? Dbl(ConfigNode? node, string name) => node?[name]?.AsDouble();

    private static bool? Bool(ConfigNode? node, string name) => node?[name] is { } value ? value.Kind == NodeKind.True : null;
}
