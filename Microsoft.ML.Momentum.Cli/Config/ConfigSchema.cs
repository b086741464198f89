using Microsoft.ML.Momentum.Trainers;
using static Microsoft.ML.Momentum.Cli.Config.ConfigNames;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// Every section and field of a training config (Model Builder's .mbconfig shape: scenario, dataSource,
/// trainingOption, environment, plus output). The reader accepts exactly these; docs/config.schema.json is
/// generated from them (<c>momentum schema</c>) and a test keeps the two equal. Field names inside
/// trainingOption are the trainers' Options names in camelCase.
/// </summary>
internal static class ConfigSchema
{
    public static readonly ObjectSpec DataFiles = new("dataFiles", "Where one split of the data is.",
    [
        new("path", FieldType.String, "Folder (type folder: one sub-folder per class), images file (type idx) or data file (csv, tsv, json, jsonLines); relative to the config file.") { Required = true, NonEmpty = true },
        new("labelsPath", FieldType.String, "IDX labels file (type idx only).") { NonEmpty = true },
    ]);

    public static readonly ObjectSpec Columns = new("columns", "Which columns of a csv, tsv, json or jsonLines file hold what.",
    [
        new("label", FieldType.String, "Label column (LabelColumnName).") { NonEmpty = true, Default = "\"Label\"" },
        new("image", FieldType.String, "Column with image file paths (ImageColumnName).") { NonEmpty = true, Scenario = ImageClassification, Default = "\"ImagePath\"" },
        new("text", FieldType.String, "Text column (TextColumnName).") { NonEmpty = true, Scenario = TextClassification, Default = "\"Text\"" },
        new("text2", FieldType.String, "Second text column for sentence pairs (Text2ColumnName).") { NonEmpty = true, Scenario = TextClassification },
    ]);

    public static readonly ObjectSpec DataSource = new("dataSource", "The training data and, optionally, separate validation and test data.",
    [
        new("type", FieldType.String, "Image: folder, idx, csv, tsv. Text: csv, tsv, json, jsonLines.") { Required = true, Values = DataSourceTypes },
        new("train", FieldType.Object, "Training data.") { Required = true, Object = DataFiles },
        new("validation", FieldType.Object, "Validation data (otherwise trainingOption.validationSetFraction of the training data).") { Object = DataFiles },
        new("test", FieldType.Object, "Test data, evaluated once after training for the report.") { Object = DataFiles },
        new("columns", FieldType.Object, "Column names (csv, tsv, json, jsonLines).") { Object = Columns },
        new("hasHeader", FieldType.Boolean, "Whether the first line of a csv or tsv file names the columns; otherwise columns are named by their zero-based index: \"0\", \"1\", ...") { Default = "true" },
        new("imageDirectory", FieldType.String, "Directory that relative image paths in a csv or tsv listing are resolved against (default: the listing's folder).") { NonEmpty = true, Scenario = ImageClassification },
        new("classNames", FieldType.StringArray, "Class names for labels 0, 1, ... of IDX data.") { Scenario = ImageClassification },
    ]);

    public static readonly ObjectSpec EarlyStopping = new("earlyStoppingCriteria", "Stop when a validation metric stops improving.",
    [
        new("metric", FieldType.String, "Watched validation metric.") { Values = Metrics, Default = "\"accuracy\"" },
        new("patience", FieldType.Integer, "Epochs without improvement before stopping.") { Minimum = 1, Maximum = 10000, Default = "5" },
        new("minDelta", FieldType.Number, "Smallest change that counts as an improvement.") { Minimum = 0, Default = "0.001" },
        new("restoreBestWeights", FieldType.Boolean, "Keep the weights of the best epoch.") { Default = "true" },
    ]);

    public static readonly ObjectSpec Augmentation = new("augmentation", "Training-time image augmentation.",
    [
        new("cropPadding", FieldType.Integer, "Pad by this many pixels and crop back at a random offset (0: off).") { Minimum = 0, Maximum = 64, Default = "0" },
        new("horizontalFlip", FieldType.Boolean, "Flip images left-right at random.") { Default = "false" },
    ]);

    public static readonly ObjectSpec TrainingOption = new("trainingOption", "Trainer options: the trainers' Options names in camelCase, with the trainers' defaults.",
    [
        .. TrainerOptionFields.All.Select(TrainerOptionFields.Spec),
        new("optimizer", FieldType.Optimizer, "The optimizer, in the library's JSON form: {\"name\": \"demonSgd\", ...}. " +
            $"Default: the trainer's, {ImageClassificationTrainer.DefaultOptimizer().Name} ({ImageClassification}), {TextClassificationTrainer.DefaultOptimizer().Name} ({TextClassification}).") { },
        new("learningRateSchedule", FieldType.Schedule, "Learning-rate schedule; overrides the optimizer's own.") { },
        new("earlyStoppingCriteria", FieldType.Object, "Early stopping; absent: train every epoch.") { Object = EarlyStopping },
        new("imageSize", FieldType.Integer, "Images are resized to imageSize x imageSize pixels (default: the data's size).") { Minimum = 8, Maximum = 4096, Scenario = ImageClassification },
        new("augmentation", FieldType.Object, "Training-time augmentation.") { Object = Augmentation, Scenario = ImageClassification },
    ]);

    public static readonly ObjectSpec Environment = new("environment", "Where training runs.",
    [
        new("device", FieldType.String, "cpu, cuda (the first GPU) or cuda:N.") { Pattern = DevicePattern, PatternDescription = "cpu, cuda or cuda:N", Default = "\"cpu\"" },
        new("numberOfThreads", FieldType.Integer, "CPU threads for libtorch and the optimizers (default: all cores).") { Minimum = 1, Maximum = 1024 },
    ]);

    public static readonly ObjectSpec Output = new("output", "Where results go; relative paths are relative to the config file.",
    [
        new("directory", FieldType.String, "Folder for everything below that is not set explicitly.") { NonEmpty = true, Default = "\"momentum-output\"" },
        new("modelPath", FieldType.String, "The trained model (zip). Default: <directory>/model.zip.") { NonEmpty = true },
        new("metricsPath", FieldType.String, "Metrics JSON. Default: <directory>/metrics.json.") { NonEmpty = true },
        new("metricsCsvPath", FieldType.String, "Metrics CSV, one row per logged step and per epoch. Default: <directory>/metrics.csv.") { NonEmpty = true },
        new("reportPath", FieldType.String, "HTML training report. Default: <directory>/report.html.") { NonEmpty = true },
        new("workspacePath", FieldType.String, "Checkpoints and temporary files. Default: <directory>/workspace.") { NonEmpty = true },
    ]);

    public static readonly ObjectSpec Root = new("trainingConfig", "A momentum training configuration (momentum train --config FILE).",
    [
        new("$schema", FieldType.String, "The JSON Schema of this file, for editors.") { },
        new("version", FieldType.Integer, "Format version.") { Minimum = 1, Maximum = 1, Default = "1" },
        new("scenario", FieldType.String, "What to train.") { Required = true, Values = Scenarios },
        new("dataSource", FieldType.Object, "The data.") { Required = true, Object = DataSource },
        new("trainingOption", FieldType.Object, "How to train.") { Object = TrainingOption },
        new("environment", FieldType.Object, "Where to train.") { Object = Environment },
        new("output", FieldType.Object, "Where results go.") { Object = Output },
    ]);

    /// <summary>Every section, root first.</summary>
    public static IReadOnlyList<ObjectSpec> Sections { get; } =
        [Root, DataSource, DataFiles, Columns, TrainingOption, EarlyStopping, Augmentation, Environment, Output];
}
