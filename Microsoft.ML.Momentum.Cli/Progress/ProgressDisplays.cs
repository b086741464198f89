using Spectre.Console;

namespace Microsoft.ML.Momentum.Cli.Progress;

/// <summary>How progress is shown: a live bar in a terminal, plain lines when output is redirected.</summary>
internal enum ProgressMode { Auto, Bar, Plain }

internal static class ProgressDisplays
{
    /// <summary>The display for <paramref name="mode"/>; Auto picks the bar only for an interactive terminal.</summary>
    public static IProgressDisplay Create(ProgressMode mode, TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        return mode == ProgressMode.Bar || (mode == ProgressMode.Auto && terminal)
            ? new LiveProgressDisplay(AnsiConsole.Console)
            : new PlainProgressDisplay(output);
    }
}
