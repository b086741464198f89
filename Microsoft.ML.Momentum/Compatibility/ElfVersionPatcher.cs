// The libstdc++ compatibility step for TorchSharp on Debian 12 / Ubuntu 22.04 (see
// Microsoft.ML.Momentum.targets). This one file is compiled twice: into the test project (with
// MOMENTUM_ELF_PATCHER_ONLY defined, so only the ELF editor) and by MSBuild's RoslynCodeTaskFactory at
// build time (the editor and the MSBuild task), so a fresh machine needs nothing but the .NET SDK.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Microsoft.ML.Momentum.Compatibility
{
    /// <summary>
    /// Reads and edits the symbol-version tables of a 64-bit little-endian ELF shared object: the versions it
    /// defines (<c>.gnu.version_d</c>) and the versions it needs from other libraries (<c>.gnu.version_r</c>).
    /// The only edit is setting <c>VER_FLG_WEAK</c> on one needed version, which makes the dynamic loader accept
    /// the library when the provider lacks that version; nothing else in the file changes.
    /// </summary>
    public static class ElfVersionPatcher
    {
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>
        /// Marks every requirement of <paramref name="version"/> (e.g. <c>GLIBCXX_3.4.32</c>) in the file as weak.
        /// Returns how many entries were changed now; 0 when the file has no such requirement or they are weak
        /// already (the edit is idempotent). The file is rewritten in place only when something changes.
        /// </summary>
        /// <param name="path">The shared object.</param>
        /// <param name="version">The version name to mark weak.</param>
        /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file, or its version tables are malformed.</exception>
        public static int MarkWeak(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var changed = 0;
            foreach (var entry in Requirements(bytes, path))
            {
                if (entry.Version != version || (entry.Flags & VerFlagWeak) != 0) continue;
                WriteUInt16(bytes, entry.FlagsOffset, (ushort)(entry.Flags | VerFlagWeak));
                changed++;
            }
            if (changed > 0)
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                stream.Write(bytes, 0, bytes.Length);
            }
            return changed;
        }

        /// <summary>The versions the file needs, as (library, version, weak) triples in file order.</summary>
        /// <param name="path">The shared object.</param>
        /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file, or its version tables are malformed.</exception>
        public static IReadOnlyList<(string Library, string Version, bool Weak)> ReadRequirements(string path)
        {
            var result = new List<(string, string, bool)>();
            foreach (var entry in Requirements(File.ReadAllBytes(path), path))
            {
                result.Add((entry.Library, entry.Version, (entry.Flags & VerFlagWeak) != 0));
            }
            return result;
        }

        /// <summary>The version names the file defines (for libstdc++: GLIBCXX_3.4, …, GLIBCXX_3.4.30, …).</summary>
        /// <param name="path">The shared object.</param>
        /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file, or its version tables are malformed.</exception>
        public static ISet<string> ReadDefinitions(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var sections = ReadSections(bytes, path);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in sections)
            {
                if (section.Type != ShtGnuVerdef) continue;
                var strings = StringTable(sections, section, bytes, path);
                var offset = section.Offset;
                for (var i = 0; i < Math.Max(1, (int)section.Info) && i < 1 << 16; i++)
                {
                    Require(bytes, offset, 20, path, "a version definition");
                    var count = ReadUInt16(bytes, offset + 6);
                    var aux = ReadUInt32(bytes, offset + 12);
                    var next = ReadUInt32(bytes, offset + 16);
                    if (count > 0)
                    {
                        Require(bytes, offset + aux, 8, path, "a version definition name");
                        names.Add(ReadString(bytes, strings + ReadUInt32(bytes, offset + aux), path));
                    }
                    if (next == 0) break;
                    offset += next;
                }
            }
            return names;
        }

        private readonly struct Section
        {
            public Section(uint type, long offset, long size, uint link, uint info)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
            }

            public uint Type { get; }
            public long Offset { get; }
            public long Size { get; }
            public uint Link { get; }
            public uint Info { get; }
        }

        private readonly struct Requirement
        {
            public Requirement(string library, string version, ushort flags, long flagsOffset)
            {
                Library = library;
                Version = version;
                Flags = flags;
                FlagsOffset = flagsOffset;
            }

            public string Library { get; }
            public string Version { get; }
            public ushort Flags { get; }
            public long FlagsOffset { get; }
        }

        private static List<Requirement> Requirements(byte[] bytes, string path)
        {
            var sections = ReadSections(bytes, path);
            var result = new List<Requirement>();
            foreach (var section in sections)
            {
                if (section.Type != ShtGnuVerneed) continue;
                var strings = StringTable(sections, section, bytes, path);
                var offset = section.Offset;
                for (var i = 0; i < Math.Max(1, (int)section.Info) && i < 1 << 16; i++)
                {
                    Require(bytes, offset, 16, path, "a version requirement");
                    var count = ReadUInt16(bytes, offset + 2);
                    var library = ReadString(bytes, strings + ReadUInt32(bytes, offset + 4), path);
                    var aux = offset + ReadUInt32(bytes, offset + 8);
                    var next = ReadUInt32(bytes, offset + 12);
                    for (var j = 0; j < count; j++)
                    {
                        Require(bytes, aux, 16, path, "a version requirement entry");
                        var flags = ReadUInt16(bytes, aux + 4);
                        var name = ReadString(bytes, strings + ReadUInt32(bytes, aux + 8), path);
                        result.Add(new Requirement(library, name, flags, aux + 4));
                        var auxNext = ReadUInt32(bytes, aux + 12);
                        if (auxNext == 0) break;
                        aux += auxNext;
                    }
                    if (next == 0) break;
                    offset += next;
                }
            }
            return result;
        }

        private static Section[] ReadSections(byte[] bytes, string path)
        {
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException($"'{path}' is not an ELF file (no ELF magic number).");
            }
            if (bytes[4] != 2) throw new InvalidDataException($"'{path}' is a 32-bit ELF file; only 64-bit ELF files are supported.");
            if (bytes[5] != 1) throw new InvalidDataException($"'{path}' is a big-endian ELF file; only little-endian ELF files are supported.");
            var tableOffset = (long)ReadUInt64(bytes, 0x28);
            var entrySize = ReadUInt16(bytes, 0x3A);
            var count = ReadUInt16(bytes, 0x3C);
            if (count == 0) throw new InvalidDataException($"'{path}' has no section headers.");
            if (entrySize < 64) throw new InvalidDataException($"'{path}' declares section headers of {entrySize} bytes; 64 expected.");
            Require(bytes, tableOffset, (long)entrySize * count, path, "the section header table");
            var sections = new Section[count];
            for (var i = 0; i < count; i++)
            {
                var at = tableOffset + (long)i * entrySize;
                var offset = (long)ReadUInt64(bytes, at + 0x18);
                var size = (long)ReadUInt64(bytes, at + 0x20);
                sections[i] = new Section(ReadUInt32(bytes, at + 4), offset, size, ReadUInt32(bytes, at + 0x28), ReadUInt32(bytes, at + 0x2C));
            }
            return sections;
        }

        private static long StringTable(Section[] sections, Section owner, byte[] bytes, string path)
        {
            if (owner.Link >= sections.Length) throw new InvalidDataException($"'{path}': a version section links to string table {owner.Link}, which does not exist.");
            var table = sections[owner.Link];
            Require(bytes, table.Offset, table.Size, path, "the version string table");
            return table.Offset;
        }

        private static void Require(byte[] bytes, long offset, long length, string path, string what)
        {
            if (offset < 0 || length < 0 || offset + length > bytes.Length)
            {
                throw new InvalidDataException($"'{path}' is truncated or malformed: {what} at byte {offset} lies outside the file ({bytes.Length} bytes).");
            }
        }

        private static string ReadString(byte[] bytes, long offset, string path)
        {
            Require(bytes, offset, 1, path, "a version name");
            var end = Array.IndexOf(bytes, (byte)0, (int)offset);
            if (end < 0) throw new InvalidDataException($"'{path}' is malformed: the version name at byte {offset} is not terminated.");
            return Encoding.ASCII.GetString(bytes, (int)offset, end - (int)offset);
        }

        private static ushort ReadUInt16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);

        private static uint ReadUInt32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

        private static ulong ReadUInt64(byte[] b, long at) => ReadUInt32(b, at) | (ulong)ReadUInt32(b, at + 4) << 32;

        private static void WriteUInt16(byte[] b, long at, ushort value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }
    }

    /// <summary>Finds the libstdc++ the dynamic loader would use and tells which symbol versions it defines.</summary>
    public static class SystemLibStdCxx
    {
        private static readonly string[] Candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
        };

        /// <summary>The path of the system's libstdc++.so.6, or null when none of the usual places has one.</summary>
        public static string? Find()
        {
            foreach (var candidate in Candidates)
            {
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}

#if !MOMENTUM_ELF_PATCHER_ONLY
namespace Microsoft.ML.Momentum.Compatibility
{
    /// <summary>
    /// MSBuild task: in each given shared object, marks the needed libstdc++ versions that the system libstdc++
    /// lacks and that are known to be safe (<see cref="Versions"/>) as weak. Does nothing where the system
    /// libstdc++ has them, and warns about other missing versions, which would still stop the library loading.
    /// </summary>
    public sealed class MarkLibStdCxxVersionsWeak : Microsoft.Build.Utilities.Task
    {
        /// <summary>The shared objects to check (missing files are skipped).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <summary>Version names that may be marked weak, separated by ';' (default GLIBCXX_3.4.32).</summary>
        public string Versions { get; set; } = "GLIBCXX_3.4.32";

        /// <inheritdoc />
        public override bool Execute()
        {
            var system = SystemLibStdCxx.Find();
            ISet<string> available;
            try
            {
                available = system is null ? new HashSet<string>() : ElfVersionPatcher.ReadDefinitions(system);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogWarning($"Microsoft.ML.Momentum: cannot read the system libstdc++ '{system}' ({e.Message}); TorchSharp's libstdc++ requirements are left as they are.");
                return true;
            }
            var allowed = new HashSet<string>(Versions.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                if (!File.Exists(path)) continue;
                try
                {
                    foreach (var (library, version, weak) in ElfVersionPatcher.ReadRequirements(path))
                    {
                        if (weak || !library.StartsWith("libstdc++", StringComparison.Ordinal) || available.Contains(version)) continue;
                        if (!allowed.Contains(version))
                        {
                            Log.LogWarning($"Microsoft.ML.Momentum: '{path}' needs {version} from {library}, which '{system ?? "libstdc++.so.6 (not found)"}' lacks; the library may fail to load.");
                            continue;
                        }
                        if (ElfVersionPatcher.MarkWeak(path, version) > 0)
                        {
                            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                                $"Microsoft.ML.Momentum: marked {library} version {version} weak in '{path}' (the system libstdc++ lacks it; see docs/troubleshooting.md).");
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                {
                    Log.LogError($"Microsoft.ML.Momentum: cannot apply the libstdc++ compatibility step to '{path}': {e.Message}");
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
}
#endif
