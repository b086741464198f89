using System.Diagnostics;
using Microsoft.ML.Momentum.Compatibility;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Compatibility;

/// <summary>
/// A consumer application that references our NuGet package and TorchSharp-cpu gets the libstdc++ step from the
/// package's buildTransitive targets, and TorchSharp runs in it.
/// </summary>
[TestClass]
public sealed class ConsumerPackageTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void AnAppReferencingThePackageGetsTheCompatibilityStepAndRunsTorchSharp()
    {
        var repository = RepositoryRoot();
        var version = $"0.0.0-consumer{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
        var work = Directory.CreateTempSubdirectory("momentum-consumer-").FullName;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try
        {
            var feed = Path.Combine(work, "feed");
            Run(repository, "dotnet", "pack", Path.Combine(repository, "Microsoft.ML.Momentum", "Microsoft.ML.Momentum.csproj"),
                "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={version}");

            var app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
                """);
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><NoWarn>NU1603</NoWarn></PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML.Momentum" Version="{version}" />
                    <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                var x = new float[] { 1f, -2f };
                var optimizer = new Microsoft.ML.Momentum.Optimizers.SgdMomentum { LearningRate = 0.5 };
                optimizer.Step(x, new float[] { 1f, 1f }, 0);
                using var t = TorchSharp.torch.tensor(x);
                Console.WriteLine($"torch {TorchSharp.torch.__version__} sum {t.sum().item<float>()}");
                """);

            var build = Run(app, "dotnet", "build", "-c", "Release");
            var system = SystemLibStdCxx.Find();
            var systemHasIt = system is not null && ElfVersionPatcher.ReadDefinitions(system).Contains("GLIBCXX_3.4.32");
            Assert.AreEqual(!systemHasIt, build.Contains("marked libstdc++.so.6 version GLIBCXX_3.4.32 weak", StringComparison.Ordinal), build);

            var output = Run(app, "dotnet", Path.Combine(app, "bin", "Release", "net10.0", "app.dll"));
            StringAssert.Contains(output, "torch 2.10");
            StringAssert.Contains(output, "sum -2");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            var cached = Path.Combine(packages, "microsoft.ml.momentum", version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Microsoft.ML.Momentum.sln"))) return directory.FullName;
        }
        throw new AssertFailedException($"no Microsoft.ML.Momentum.sln above '{AppContext.BaseDirectory}'");
    }

    private static string Run(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would leak into the nested build.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var text = stdout.Result + stderr;
        Assert.AreEqual(0, process.ExitCode, $"{program} {string.Join(' ', arguments)} failed:\n{text}");
        return text;
    }
}
