namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>One problem in a config file: where (file, line, column, JSON path) and what is wrong.</summary>
internal sealed record ConfigError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>"file:line:column: $.path: message", the form editors and terminals turn into links.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Path}: {Message}";
}
