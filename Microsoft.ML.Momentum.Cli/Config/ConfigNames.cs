using System.Text.Json;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The enumerated values of a config file.</summary>
internal static class ConfigNames
{
    public const string ImageClassification = "imageClassification";
    public const string TextClassification = "textClassification";

    public static readonly string[] Scenarios = [ImageClassification, TextClassification];

    public const string Folder = "folder";
    public const string Idx = "idx";
    public const string Csv = "csv";
    public const string Tsv = "tsv";
    public const string Json = "json";
    public const string JsonLines = "jsonLines";

    public static readonly string[] DataSourceTypes = [Folder, Idx, Csv, Tsv, Json, JsonLines];
    public static readonly string[] ImageDataSourceTypes = [Folder, Idx, Csv, Tsv];
    public static readonly string[] TextDataSourceTypes = [Csv, Tsv, Json, JsonLines];

    /// <summary>The image trainer's architectures (its enum's names in camelCase).</summary>
    public static readonly string[] ImageArchitectures = CamelCaseNames<ImageClassificationArchitecture>();

    /// <summary>The text trainer's architectures (its enum's names in camelCase).</summary>
    public static readonly string[] TextArchitectures = CamelCaseNames<TextClassificationArchitecture>();
    public static readonly string[] Architectures = [.. ImageArchitectures, .. TextArchitectures];

    public static readonly string[] Metrics = ["accuracy", "macroF1", "logLoss"];

    public const string DevicePattern = @"^(cpu|cuda(:[0-9]+)?)$";

    public static IReadOnlyList<string> DataSourceTypesFor(string scenario)
        => scenario == ImageClassification ? ImageDataSourceTypes : TextDataSourceTypes;

    public static IReadOnlyList<string> ArchitecturesFor(string scenario)
        => scenario == ImageClassification ? ImageArchitectures : TextArchitectures;

    private static string[] CamelCaseNames<TEnum>() where TEnum : struct, Enum
        => Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
}
