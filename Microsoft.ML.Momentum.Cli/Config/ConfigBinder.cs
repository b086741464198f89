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
        return new TrainingRunConfig
        {
            SourcePath = sourcePath,
            Scenario = scenario,
            DataSource = BindDataSource(root["dataSource"]!, baseDirectory),
            TrainingOption = BindTrainingOption(root["trainingOption"]),
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

    private static TrainingOptionConfig BindTrainingOption(ConfigNode? node)
    {
        var defaults = new TrainingOptionConfig();
        var early = node?["earlyStoppingCriteria"];
        var augmentation = node?["augmentation"];
        var earlyDefaults = new EarlyStoppingCriteria();
        return new TrainingOptionConfig
        {
            Architecture = Str(node, "architecture"),
            BatchSize = Int(node, "batchSize") ?? defaults.BatchSize,
            MaxEpoch = Int(node, "maxEpoch") ?? defaults.MaxEpoch,
            LearningRate = Dbl(node, "learningRate"),
            OptimizerJson = node?["optimizer"]?.ToJson(),
            LearningRateScheduleJson = node?["learningRateSchedule"]?.ToJson(),
            WeightDecay = Dbl(node, "weightDecay"),
            ValidationSetFraction = Dbl(node, "validationSetFraction"),
            EarlyStoppingCriteria = early is null ? null : new EarlyStoppingCriteria
            {
                Metric = Str(early, "metric") switch
                {
                    "macroF1" => ClassificationMetric.MacroF1,
                    "logLoss" => ClassificationMetric.LogLoss,
                    _ => ClassificationMetric.Accuracy,
                },
                Patience = Int(early, "patience") ?? earlyDefaults.Patience,
                MinDelta = Dbl(early, "minDelta") ?? earlyDefaults.MinDelta,
                RestoreBestWeights = Bool(early, "restoreBestWeights") ?? earlyDefaults.RestoreBestWeights,
            },
            Seed = Int(node, "seed") ?? defaults.Seed,
            CheckpointEveryNEpochs = Int(node, "checkpointEveryNEpochs") ?? defaults.CheckpointEveryNEpochs,
            LogEveryNSteps = Int(node, "logEveryNSteps") ?? defaults.LogEveryNSteps,
            ImageSize = Int(node, "imageSize"),
            CropPadding = Int(augmentation, "cropPadding") ?? 0,
            HorizontalFlip = Bool(augmentation, "horizontalFlip") ?? false,
            SkipInvalidImages = Bool(node, "skipInvalidImages") ?? false,
            MaxTokens = Int(node, "maxTokens"),
            NGramLength = Int(node, "nGramLength"),
        };
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
