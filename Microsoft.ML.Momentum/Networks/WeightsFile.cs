using System.Text;
using Microsoft.ML.Momentum.Engine;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// The weights of a network in a small versioned binary format: the flat parameter vector, then every named buffer
/// (batch-norm statistics) with its dtype and shape. Little-endian; tensors stream in chunks, so none is limited
/// to 2^31 bytes.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Version of this layout; the libtorch 1.13 engine's weights (torch::serialize archives) were version 1.</summary>
    public const int FormatVersion = 2;
    private const int ChunkBytes = 1 << 24;
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
    /// names the file in errors. Nothing is changed when the file does not fit: everything is read into host tensors
    /// and checked before the first copy.
    /// </summary>
    public static void Read(Stream stream, string source, string architecture, Tensor parameters, IReadOnlyList<(string Name, Tensor Value)> buffers)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        using var scope = NewDisposeScope();
        try
        {
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"'{source}' is not a weights file of format version {FormatVersion} (weights written by the libtorch 1.13 engine, format version 1, cannot be read: retrain the model).");
            }
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"'{source}' has weights format version {version}; this library reads version {FormatVersion}.");
            var parameterValues = ReadTensor(reader);
            if (parameterValues.dtype != ScalarType.Float32 || parameterValues.numel() != parameters.numel())
            {
                throw new InvalidDataException($"'{source}' holds {parameterValues.numel()} parameters; this '{architecture}' model has {parameters.numel()}.");
            }
            var count = reader.ReadInt32();
            var stored = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++) stored[reader.ReadString()] = ReadTensor(reader);
            foreach (var (name, value) in buffers)
            {
                if (!stored.TryGetValue(name, out var entry) || entry.dtype != value.dtype || !entry.shape.SequenceEqual(value.shape))
                {
                    throw new InvalidDataException($"'{source}' lacks buffer '{name}' of this model or has another shape or type.");
                }
            }
            using (no_grad())
            {
                parameters.copy_(parameterValues.view(parameters.shape));
                foreach (var (name, value) in buffers) value.copy_(stored[name]);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{source}' is truncated: the weights end early.", e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidDataException($"'{source}' is corrupt: {e.Message}", e);
        }
    }

    private static unsafe void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        using var host = tensor.detach().cpu().contiguous();
        writer.Write((int)host.dtype);
        writer.Write(host.shape.Length);
        foreach (var d in host.shape) writer.Write(d);
        var bytes = host.numel() * host.element_size();
        writer.Write(bytes);
        var address = (byte*)HostMemory.AddressOf(host);
        for (long offset = 0; offset < bytes; offset += ChunkBytes)
        {
            writer.Write(new ReadOnlySpan<byte>(address + offset, (int)Math.Min(ChunkBytes, bytes - offset)));
        }
    }

    /// <summary>A host tensor holding the next stored tensor (in the caller's dispose scope).</summary>
    private static unsafe Tensor ReadTensor(BinaryReader reader)
    {
        var type = (ScalarType)reader.ReadInt32();
        var rank = reader.ReadInt32();
        if (rank is < 0 or > 16) throw new InvalidDataException($"a stored tensor has rank {rank}");
        var shape = new long[rank];
        for (var i = 0; i < rank; i++) shape[i] = reader.ReadInt64();
        var length = reader.ReadInt64();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position) throw new EndOfStreamException();
        var host = empty(shape, type);
        if (host.numel() * host.element_size() != length) throw new InvalidDataException($"a stored {type} tensor of shape [{string.Join(", ", shape)}] declares {length} bytes");
        var address = (byte*)HostMemory.AddressOf(host);
        for (long offset = 0; offset < length; offset += ChunkBytes)
        {
            var chunk = new Span<byte>(address + offset, (int)Math.Min(ChunkBytes, length - offset));
            reader.BaseStream.ReadExactly(chunk);
        }
        return host;
    }
}
