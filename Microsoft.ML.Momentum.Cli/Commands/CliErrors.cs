using Microsoft.ML.Momentum.Cli.Config;

namespace Microsoft.ML.Momentum.Cli.Commands;

/// <summary>Runs a command body and turns its exceptions into an "error: ..." message on stderr and an exit code.</summary>
internal static class CliErrors
{
    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            var (code, lines) = Describe(e);
            foreach (var line in lines) error.WriteLine("error: " + line);
            return code;
        }
    }

    /// <summary>The exit code and message lines for <paramref name="exception"/>.</summary>
    public static (int Code, IReadOnlyList<string> Lines) Describe(Exception exception) => exception switch
    {
        ConfigException { Errors.Count: > 0 } config => (ExitCodes.BadUsage, config.Errors.Select(e => e.ToString()).ToArray()),
        ConfigException config => (ExitCodes.BadUsage, [config.Message]),
        UsageException usage => (ExitCodes.BadUsage, [usage.Message]),
        FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException => (ExitCodes.BadData, [exception.Message]),
        OperationCanceledException => (ExitCodes.TrainingFailed, ["training was cancelled."]),
        _ => (ExitCodes.TrainingFailed, [$"training failed: {exception.Message}"]),
    };
}
