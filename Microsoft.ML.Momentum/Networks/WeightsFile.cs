using System.Runtime.InteropServices;
using System.Text;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// The weights of a network in a small versioned binary format: the flat parameter vector, then every named buffer
/// (batch-norm statistics) with its dtype and shape. Little-endian; written and read in one pass.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Version of this layout; the libtorch 1.13 engine's weights (torch::serialize archives) were version 1.</summary>
    public const int FormatVersion = 2;
    private static readonly byte[] Magic = "MMWEIGHT"u8.ToArray();

    /// <summary>Writes <paramref name="parameters"/> (the flat buffer) and <paramref name="buffers"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, Tensor parameters, IEnumerable<(string Name, Tensor Value)> buffers)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        WriteTensor(writer, parameters);
        var list = buffers.ToList();
        writer.Write(list.Count);
        foreach (var (name, value) in list)
        {
            writer.Write(name);
            WriteTensor(writer, value);
        }
    }

    /// <summary>
    /// Reads weights written by <see cref="Write"/> into <paramref name="parameters"/> and the module's
    /// <paramref name="buffers"/>, checking that every length, name, dtype and shape matches; <paramref name="source"/>
    /// names the file in errors. Nothing is changed when the file does not fit.
    /// </summary>
    public static void Read(Stream stream, string source, string architecture, Tensor parameters, IReadOnlyList<(string Name, Tensor Value)> buffers)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"'{source}' is not a weights file of format version {FormatVersion} (weights written by the libtorch 1.13 engine, format version 1, cannot be read: retrain the model).");
            }
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"'{source}' has weights format version {version}; this library reads version {FormatVersion}.");
            var (parameterValues, _, _) = ReadTensor(reader);
            var expected = parameters.numel() * sizeof(float);
            if (parameterValues.Length != expected)
            {
                throw new InvalidDataException($"'{source}' holds {parameterValues.Length / sizeof(float)} parameters; this '{architecture}' model has {parameters.numel()}.");
            }
            var count = reader.ReadInt32();
            var stored = new Dictionary<string, (byte[] Bytes, ScalarType Type, long[] Shape)>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++) stored[reader.ReadString()] = ReadTensor(reader);
            foreach (var (name, value) in buffers)
            {
                if (!stored.TryGetValue(name, out var entry) || entry.Type != value.dtype || !entry.Shape.SequenceEqual(value.shape))
                {
                    throw new InvalidDataException($"'{source}' lacks buffer '{name}' of this model or has another shape or type.");
                }
            }
            using (no_grad())
            {
                CopyInto(parameters, parameterValues, ScalarType.Float32);
                foreach (var (name, value) in buffers) CopyInto(value, stored[name].Bytes, value.dtype);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{source}' is truncated: the weights end early.", e);
        }
    }

    private static void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        using var host = tensor.detach().cpu().contiguous();
        writer.Write((int)host.dtype);
        writer.Write(host.shape.Length);
        foreach (var d in host.shape) writer.Write(d);
        var bytes = host.numel() * host.element_size();
        writer.Write(bytes);
        WriteBytes(writer, host, bytes);
    }

    private static unsafe void WriteBytes(BinaryWriter writer, Tensor host, long bytes)
    {
        if (bytes == 0) return;
        using var first = host.flatten().narrow(0, 0, 1);
        var address = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetReference(first.bytes));
        for (long offset = 0; offset < bytes; offset += int.MaxValue / 2)
        {
            writer.Write(new ReadOnlySpan<byte>(address + offset, (int)Math.Min(int.MaxValue / 2, bytes - offset)));
        }
    }

    private static (byte[] Bytes, ScalarType Type, long[] Shape) ReadTensor(BinaryReader reader)
    {
        var type = (ScalarType)reader.ReadInt32();
        var rank = reader.ReadInt32();
        if (rank is < 0 or > 16) throw new InvalidDataException($"a tensor of rank {rank}");
        var shape = new long[rank];
        for (var i = 0; i < rank; i++) shape[i] = reader.ReadInt64();
        var length = reader.ReadInt64();
        if (length < 0 || length > reader.BaseStream.Length) throw new EndOfStreamException();
        var bytes = reader.ReadBytes(checked((int)length));
        if (bytes.Length != length) throw new EndOfStreamException();
        return (bytes, type, shape);
    }

    private static void CopyInto(Tensor destination, byte[] bytes, ScalarType type)
    {
        using var host = empty(destination.shape, type);
        bytes.CopyTo(host.bytes);
        destination.copy_(host);
    }
}
