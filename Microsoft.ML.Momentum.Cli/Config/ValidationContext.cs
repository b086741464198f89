namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The file being validated, the errors found so far and the scenario (once known).</summary>
internal sealed class ValidationContext(SourceText source)
{
    private readonly List<ConfigError> _errors = [];

    public SourceText Source => source;

    /// <summary>The config's scenario when it is valid, else null (scenario-specific checks are then skipped).</summary>
    public string? Scenario { get; set; }

    public IReadOnlyList<ConfigError> Errors => _errors;

    public int ErrorCount => _errors.Count;

    public void Add(long offset, string path, string message) => _errors.Add(source.Error(offset, path, message));

    public void Add(ConfigError error) => _errors.Add(error);
}
