using Microsoft.ML.Momentum.Compatibility;
using Microsoft.ML.Momentum.Engine;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Compatibility;

/// <summary>The libstdc++ compatibility step (ElfVersionPatcher) on a real copy of TorchSharp's native library.</summary>
[TestClass]
public sealed class ElfVersionPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";

    /// <summary>The unmodified libLibTorchSharp.so in the NuGet package folder.</summary>
    private static string PackagedLibrary()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.IsTrue(File.Exists(path), $"TorchSharp's native library is not at '{path}' (restore the solution first).");
        return path;
    }

    private static string CopyToTemp(string source, out string directory)
    {
        directory = Directory.CreateTempSubdirectory("elf-patch-").FullName;
        var copy = Path.Combine(directory, Path.GetFileName(source));
        File.Copy(source, copy);
        return copy;
    }

    [TestMethod]
    public void MarkingTheVersionWeakSetsOneFlagAndChangesNothingElse()
    {
        var copy = CopyToTemp(PackagedLibrary(), out var directory);
        try
        {
            var before = File.ReadAllBytes(copy);
            var requirement = ElfVersionPatcher.ReadRequirements(copy).Single(r => r.Version == Version);
            Assert.AreEqual("libstdc++.so.6", requirement.Library);
            Assert.IsFalse(requirement.Weak, "the packaged library needs the version strongly");

            Assert.AreEqual(1, ElfVersionPatcher.MarkWeak(copy, Version));

            var after = File.ReadAllBytes(copy);
            Assert.AreEqual(before.Length, after.Length);
            var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.HasCount(1, changed, "exactly one byte (the low byte of vna_flags) changes");
            Assert.AreEqual(before[changed[0]] | 0x2, after[changed[0]]);
            Assert.IsTrue(ElfVersionPatcher.ReadRequirements(copy).Single(r => r.Version == Version).Weak);
            var others = ElfVersionPatcher.ReadRequirements(copy).Where(r => r.Version != Version).ToList();
            CollectionAssert.AreEqual(
                ElfVersionPatcher.ReadRequirements(PackagedLibrary()).Where(r => r.Version != Version).ToList(), others,
                "every other requirement is as it was");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void ASecondRunChangesNothing()
    {
        var copy = CopyToTemp(PackagedLibrary(), out var directory);
        try
        {
            Assert.AreEqual(1, ElfVersionPatcher.MarkWeak(copy, Version));
            var once = File.ReadAllBytes(copy);
            var written = File.GetLastWriteTimeUtc(copy);
            Thread.Sleep(20);
            Assert.AreEqual(0, ElfVersionPatcher.MarkWeak(copy, Version));
            CollectionAssert.AreEqual(once, File.ReadAllBytes(copy));
            Assert.AreEqual(written, File.GetLastWriteTimeUtc(copy), "an unchanged file is not rewritten");
            Assert.AreEqual(0, ElfVersionPatcher.MarkWeak(copy, "GLIBCXX_9.9.99"), "a version the file does not need changes nothing");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void NonElfAnd32BitFilesAreRefusedWithTheirPath()
    {
        var directory = Directory.CreateTempSubdirectory("elf-patch-").FullName;
        try
        {
            var text = Path.Combine(directory, "notes.txt");
            File.WriteAllText(text, "not a shared object, but long enough to hold an ELF header of sixty-four bytes.");
            var notElf = Assert.ThrowsExactly<InvalidDataException>(() => ElfVersionPatcher.MarkWeak(text, Version));
            StringAssert.Contains(notElf.Message, text);
            StringAssert.Contains(notElf.Message, "not an ELF file");

            var elf32 = Path.Combine(directory, "lib32.so");
            var header = new byte[64];
            header[0] = 0x7f; header[1] = (byte)'E'; header[2] = (byte)'L'; header[3] = (byte)'F'; header[4] = 1; header[5] = 1;
            File.WriteAllBytes(elf32, header);
            var bits = Assert.ThrowsExactly<InvalidDataException>(() => ElfVersionPatcher.MarkWeak(elf32, Version));
            StringAssert.Contains(bits.Message, elf32);
            StringAssert.Contains(bits.Message, "32-bit");
            CollectionAssert.AreEqual(header, File.ReadAllBytes(elf32), "a refused file is left as it was");

            var truncated = Path.Combine(directory, "truncated.so");
            File.WriteAllBytes(truncated, File.ReadAllBytes(PackagedLibrary()).AsSpan(0, 4096).ToArray());
            var cut = Assert.ThrowsExactly<InvalidDataException>(() => ElfVersionPatcher.MarkWeak(truncated, Version));
            StringAssert.Contains(cut.Message, "truncated or malformed");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void TheBuildMarkedTheOutputCopyExactlyWhenTheSystemLacksTheVersion()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.IsTrue(File.Exists(output), $"the build put no TorchSharp native library at '{output}'");
        var system = SystemLibStdCxx.Find();
        Assert.IsNotNull(system, "no libstdc++.so.6 in the usual places");
        var systemHasIt = ElfVersionPatcher.ReadDefinitions(system).Contains(Version);
        Assert.IsTrue(ElfVersionPatcher.ReadDefinitions(system).Contains("GLIBCXX_3.4"), "the system libstdc++'s definitions are read");
        var weak = ElfVersionPatcher.ReadRequirements(output).Single(r => r.Version == Version).Weak;
        Assert.AreEqual(!systemHasIt, weak, systemHasIt ? "the system has the version: nothing is changed" : "the system lacks the version: it is marked weak");
    }

    [TestMethod]
    public void TorchSharpLoadsInTheTestProcess()
    {
        StringAssert.StartsWith(TorchRuntime.TorchVersion, "2.10");
        using var x = global::TorchSharp.torch.ones(3);
        using var sum = x.sum();
        Assert.AreEqual(3f, sum.item<float>());
    }
}
