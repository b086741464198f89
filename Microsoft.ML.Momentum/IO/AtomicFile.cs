using System.Runtime.InteropServices;
using System.Text;

namespace Microsoft.ML.Momentum.IO;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file next to the target, is flushed to
/// disk (fsync), and is renamed over the target, so a crash at any moment leaves either the old file or the new
/// one, never a mix. Every file the library and the CLI produce (checkpoints, models, metrics, reports) is
/// written through here.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>
    /// Test-only: milliseconds to pause after the content is written and before it is flushed and renamed, so
    /// that crash tests can kill a process inside a write. Unset (or not a positive integer) means no pause.
    /// </summary>
    public const string TestDelayVariable = "MOMENTUM_TEST_WRITE_DELAY_MS";

    private static readonly int TestDelayMilliseconds =
        int.TryParse(Environment.GetEnvironmentVariable(TestDelayVariable), out var delay) && delay > 0 ? delay : 0;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which gets a fresh, empty, seekable stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPath(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                if (TestDelayMilliseconds > 0) Thread.Sleep(TestDelayMilliseconds);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
            SyncDirectory(directory);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>
    /// A unique temporary name beside <paramref name="fullPath"/>: hidden, ending in <c>.tmp</c>, so a crash leaves
    /// only such a file behind, never a partial target.
    /// </summary>
    public static string TemporaryPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Makes the rename itself durable (POSIX: fsync of the directory); elsewhere the rename is already durable or cannot be synced.</summary>
    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var descriptor = Posix.Open(directory, 0);
        if (descriptor < 0) return;
        Posix.Fsync(descriptor);
        Posix.Close(descriptor);
    }

    private static partial class Posix
    {
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync")]
        public static partial int Fsync(int descriptor);

        [LibraryImport("libc", EntryPoint = "close")]
        public static partial int Close(int descriptor);
    }
}
