using System.Text;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// An optimizer's complete state as named entries (integers, doubles, double lists, float vectors), written in
/// a versioned binary format: "MMOPTST" magic, format version, optimizer name, parameter count, then each
/// entry as (name, kind, payload). Named entries keep old files readable when fields are added.
/// </summary>
internal sealed class StateBag
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "MMOPTST"u8.ToArray();
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);

    public string OptimizerName { get; set; } = "";

    public long ParameterCount { get; set; }

    public void Set(string key, long value) => _entries[key] = value;

    public void Set(string key, double value) => _entries[key] = value;

    public void Set(string key, bool value) => _entries[key] = value ? 1L : 0L;

    public void Set(string key, double[] values) => _entries[key] = values;

    public void Set(string key, float[] values) => _entries[key] = values;

    public long GetLong(string key) => Get<long>(key);

    public bool GetBool(string key) => Get<long>(key) != 0;

    public double GetDouble(string key) => Get<double>(key);

    public double[] GetDoubles(string key) => Get<double[]>(key);

    public float[] GetFloats(string key) => Get<float[]>(key);

    public bool Contains(string key) => _entries.ContainsKey(key);

    private T Get<T>(string key)
    {
        if (!_entries.TryGetValue(key, out var value)) throw new InvalidDataException($"The optimizer state has no entry '{key}'.");
        if (value is not T typed) throw new InvalidDataException($"The optimizer state entry '{key}' has the wrong kind.");
        return typed;
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(OptimizerName);
        writer.Write(ParameterCount);
        writer.Write(_entries.Count);
        foreach (var (key, value) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            switch (value)
            {
                case long l:
                    writer.Write((byte)0);
                    writer.Write(l);
                    break;
                case double d:
                    writer.Write((byte)1);
                    writer.Write(d);
                    break;
                case double[] ds:
                    writer.Write((byte)2);
                    writer.Write(ds.Length);
                    foreach (var d in ds) writer.Write(d);
                    break;
                case float[] fs:
                    writer.Write((byte)3);
                    writer.Write(fs.LongLength);
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(fs.AsSpan()));
                    break;
            }
        }
    }

    public static StateBag Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("The stream does not hold a Microsoft.ML.Momentum optimizer state.");
        var version = reader.ReadInt32();
        if (version < 1 || version > FormatVersion)
        {
            throw new InvalidDataException($"Optimizer state format version {version} is not supported (this library reads 1..{FormatVersion}).");
        }
        var bag = new StateBag { OptimizerName = reader.ReadString(), ParameterCount = reader.ReadInt64() };
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var kind = reader.ReadByte();
            switch (kind)
            {
                case 0:
                    bag._entries[key] = reader.ReadInt64();
                    break;
                case 1:
                    bag._entries[key] = reader.ReadDouble();
                    break;
                case 2:
                {
                    var values = new double[reader.ReadInt32()];
                    for (var j = 0; j < values.Length; j++) values[j] = reader.ReadDouble();
                    bag._entries[key] = values;
                    break;
                }
                case 3:
                {
                    var values = new float[reader.ReadInt64()];
                    var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
                    reader.BaseStream.ReadExactly(bytes);
                    bag._entries[key] = values;
                    break;
                }
                default:
                    throw new InvalidDataException($"Optimizer state entry '{key}' has unknown kind {kind}.");
            }
        }
        return bag;
    }
}
