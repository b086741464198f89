using System.Diagnostics;

namespace Microsoft.ML.Momentum.Cli.Tests.Reliability;

/// <summary>The real <c>momentum</c> command line as a separate process (the build copies it next to the tests).</summary>
internal static class CliProcess
{
    private static string Assembly => Path.Combine(AppContext.BaseDirectory, "momentum.dll");

    /// <summary>Starts <c>momentum</c> with <paramref name="args"/> in <paramref name="directory"/>, output discarded.</summary>
    public static Process Start(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>momentum</c> to the end and returns its exit code.</summary>
    public static int Run(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(directory, environment, args);
        process.WaitForExit();
        return process.ExitCode;
    }
}
