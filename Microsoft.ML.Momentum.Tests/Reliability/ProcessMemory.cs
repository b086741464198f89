using System.Text.RegularExpressions;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>The process's resident memory (Linux: VmRSS of /proc/self/status), after a full garbage collection.</summary>
internal static partial class ProcessMemory
{
    public static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var status = File.ReadAllText("/proc/self/status");
        return long.Parse(VmRss().Match(status).Groups[1].Value) * 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
