using System.Diagnostics;
using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>
/// Renders the training report in headless Chromium (Debian's <c>chromium</c>; build/setup.sh installs it) and
/// checks the rendered DOM holds every chart with drawn lines; also leaves a screenshot under the test output.
/// </summary>
[TestClass]
public sealed class ChromiumRenderTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public void ReportRendersInHeadlessChromiumWithEveryChart()
    {
        var chromium = Find("chromium") ?? Find("chromium-browser");
        if (chromium is null)
        {
            Assert.Inconclusive("chromium is not installed (apt-get install chromium, or run build/setup.sh).");
            return;
        }
        var directory = Path.Combine(AppContext.BaseDirectory, "chromium-report");
        Directory.CreateDirectory(directory);
        var report = Path.Combine(directory, "report.html");
        TrainingReport.Write(report, SyntheticRun.Metrics());

        var dom = RunChromium(chromium, directory, "--dump-dom", new Uri(report).AbsoluteUri);
        foreach (var id in ReportCharts.All)
        {
            StringAssert.Contains(dom, $"<svg id=\"{id}\"", $"chart {id} missing from the rendered DOM");
        }
        Assert.IsGreaterThanOrEqualTo(ReportCharts.All.Length, CountOf(dom, "<polyline class=\"series\""));
        StringAssert.Contains(dom, "id=\"confusion-matrix\"");

        var screenshot = Path.Combine(directory, "report.png");
        File.Delete(screenshot);
        RunChromium(chromium, directory, $"--screenshot={screenshot}", "--window-size=1400,2600", "--hide-scrollbars", new Uri(report).AbsoluteUri);
        Assert.IsTrue(File.Exists(screenshot), "no screenshot was written");
        Assert.IsGreaterThan(50_000L, new FileInfo(screenshot).Length, "the screenshot is suspiciously small (blank page?)");
        TestContext.AddResultFile(screenshot);
    }

    private static string RunChromium(string chromium, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(directory, "profile")}" }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 120 s");
        }
        Assert.AreEqual(0, process.ExitCode, "chromium failed: " + stderr.Result);
        return stdout.Result;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string? Find(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
