namespace Microsoft.ML.Momentum.Cli.Commands;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int TrainingFailed = 1;
    public const int BadUsage = 2;
    public const int BadData = 3;
}

/// <summary>A command used wrongly (bad option combination, refused overwrite): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
