namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>Where a run computes.</summary>
internal sealed record EnvironmentConfig
{
    /// <summary>"cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>null: all cores.</summary>
    public int? NumberOfThreads { get; init; }
}
