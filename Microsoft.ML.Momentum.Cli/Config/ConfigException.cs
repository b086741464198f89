namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>A config file that cannot be used; <see cref="Errors"/> lists every problem found (exit code 2).</summary>
internal sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
        => Errors = errors;

    public ConfigException(string message)
        : base(message)
        => Errors = [];

    /// <summary>The problems, in file order (empty when the message says it all, e.g. a missing file).</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
