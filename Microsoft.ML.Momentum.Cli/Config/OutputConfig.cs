namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>Where a run writes (absolute paths, defaults inside <see cref="Directory"/>).</summary>
internal sealed record OutputConfig(string Directory, string ModelPath, string MetricsPath, string MetricsCsvPath, string ReportPath, string WorkspacePath)
{
    /// <summary>The ML.NET model zip next to the model (<c>model.zip</c> → <c>model.mlnet.zip</c>), which <c>mlContext.Model.Load</c> reads.</summary>
    public string MlNetModelPath => Path.ChangeExtension(ModelPath, ".mlnet.zip");

    /// <summary>The defaults inside <paramref name="directory"/>.</summary>
    public static OutputConfig In(string directory) => new(
        directory,
        Path.Combine(directory, "model.zip"),
        Path.Combine(directory, "metrics.json"),
        Path.Combine(directory, "metrics.csv"),
        Path.Combine(directory, "report.html"),
        Path.Combine(directory, "workspace"));
}
