using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Optimizers;

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
        TypeInitializationException { TypeName: "TorchSharp.torch", InnerException: { } inner } => (ExitCodes.TrainingFailed,
            [$"the TorchSharp native runtime could not be loaded: {FirstLine(inner.Message)}", TorchSharpRuntimeHint]),
        DllNotFoundException => (ExitCodes.TrainingFailed, [exception.Message, TorchSharpRuntimeHint]),
        NonFiniteStepException => (ExitCodes.TrainingFailed, [$"training failed: {exception.Message}",
            "try a lower trainingOption.learningRate, or MoMo ({\"name\": \"momo\"}), whose step size adapts (docs/troubleshooting.md#nan-loss)"]),
        _ when exception.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) => (ExitCodes.TrainingFailed, [$"training failed: {exception.Message}",
            "lower trainingOption.batchSize (or imageSize / maxTokens) and run again (docs/troubleshooting.md#out-of-memory)"]),
        _ => (ExitCodes.TrainingFailed, [$"training failed: {exception.Message}"]),
    };

    private const string TorchSharpRuntimeHint = "see docs/troubleshooting.md#the-torchsharp-native-runtime-does-not-load";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
