using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft.ML.Momentum.IO;

/// <summary>
/// SHA-256 of every entry of a zip we write (models, checkpoints), stored in the zip itself as
/// <c>checksums.json</c> and verified before anything is read, so a file damaged after it was written is refused
/// with its name instead of loading wrong weights. Zips written before checksums existed have no such entry and
/// are read unverified.
/// </summary>
internal sealed class ZipChecksums
{
    /// <summary>The entry holding the checksums: <c>{"algorithm": "SHA-256", "entries": {"name": "hex", ...}}</c>.</summary>
    public const string EntryName = "checksums.json";
    private const string Algorithm = "SHA-256";

    private readonly ZipArchive _zip;
    private readonly SortedDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    private ZipChecksums(ZipArchive zip) => _zip = zip;

    /// <summary>
    /// Writes the zip <paramref name="path"/> through <see cref="AtomicFile"/>: <paramref name="addEntries"/> adds the
    /// entries, then <see cref="EntryName"/> lists their checksums.
    /// </summary>
    public static void WriteArchive(string path, Action<ZipChecksums> addEntries) => AtomicFile.Write(path, file =>
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new ZipChecksums(zip);
        addEntries(entries);
        entries.Finish();
    });

    /// <summary>Adds entry <paramref name="name"/> with the bytes <paramref name="write"/> produces, recording their SHA-256.</summary>
    public void Add(string name, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        if (name == EntryName || _hashes.ContainsKey(name)) throw new ArgumentException($"'{name}' cannot name another entry.", nameof(name));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var entry = _zip.CreateEntry(name, level).Open())
        using (var hashing = new HashingStream(entry, hash))
        {
            write(hashing);
        }
        _hashes[name] = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Adds entry <paramref name="name"/> holding the bytes of <paramref name="file"/>.</summary>
    public void AddFile(string name, string file, CompressionLevel level = CompressionLevel.Optimal) => Add(name, stream =>
    {
        using var source = File.OpenRead(file);
        source.CopyTo(stream);
    }, level);

    private void Finish()
    {
        var entries = new JsonObject();
        foreach (var (name, hex) in _hashes) entries[name] = hex;
        using var stream = _zip.CreateEntry(EntryName, CompressionLevel.Optimal).Open();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        new JsonObject { ["algorithm"] = Algorithm, ["entries"] = entries }.WriteTo(writer);
    }

    /// <summary>
    /// Checks every entry <paramref name="zip"/>'s checksums list (if it has that list) and that none is missing
    /// or unlisted; <paramref name="path"/> names the file in the error.
    /// </summary>
    /// <exception cref="InvalidDataException">An entry is missing, unlisted, or its bytes do not match.</exception>
    public static void Verify(ZipArchive zip, string path)
    {
        if (zip.GetEntry(EntryName) is not { } list) return;
        var expected = ReadList(list, path);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName != EntryName && !expected.ContainsKey(entry.FullName))
            {
                throw new InvalidDataException($"'{path}' is damaged: it holds an entry '{entry.FullName}' that {EntryName} does not list.");
            }
        }
        foreach (var (name, hex) in expected)
        {
            var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"'{path}' is damaged: it lacks the entry '{name}' that {EntryName} lists.");
            string actual;
            try
            {
                using var stream = entry.Open();
                actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"'{path}' is damaged: its entry '{name}' cannot be read ({e.Message}).", e);
            }
            if (actual != hex)
            {
                throw new InvalidDataException($"'{path}' is damaged: the {Algorithm} checksum of its entry '{name}' does not match (the file changed after it was written).");
            }
        }
    }

    private static Dictionary<string, string> ReadList(ZipArchiveEntry list, string path)
    {
        try
        {
            using var stream = list.Open();
            var json = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException("it is empty");
            var algorithm = json["algorithm"]?.GetValue<string>();
            if (algorithm != Algorithm) throw new InvalidDataException($"it names the algorithm '{algorithm}'; this library checks {Algorithm}");
            return (json["entries"]?.AsObject() ?? throw new InvalidDataException("it lacks 'entries'"))
                .ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is damaged: its {EntryName} cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>A write-only pass-through that feeds every byte to a hash.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
