using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Momentum.Data.Idx;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST layout), plain or gzip-compressed: a big-endian magic number
/// whose third byte is the element type (0x08 = unsigned byte) and fourth the number of dimensions, the
/// dimension sizes as big-endian uint32, then the elements row-major.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes.</summary>
    /// <param name="path">The file (".gz" or gzip magic bytes are decompressed on the fly).</param>
    /// <returns>The dimension sizes and the elements.</returns>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file or is truncated; the message names it.</exception>
    public static IdxArray ReadBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, path, "the magic number");
        if (header[0] != 0 || header[1] != 0)
        {
            throw new InvalidDataException($"'{path}' is not an IDX file: its magic number starts with {header[0]:x2} {header[1]:x2}, expected 00 00.");
        }
        if (header[2] != UnsignedByteType)
        {
            throw new InvalidDataException($"'{path}' holds IDX element type 0x{header[2]:x2}; only unsigned bytes (0x08) are supported.");
        }
        var rank = header[3];
        if (rank is 0 or > 8) throw new InvalidDataException($"'{path}' declares {rank} dimensions; expected 1 to 8.");
        var dimensions = new int[rank];
        long total = 1;
        for (var i = 0; i < rank; i++)
        {
            ReadExactly(stream, header, path, $"dimension {i}");
            var size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size > int.MaxValue) throw new InvalidDataException($"'{path}': dimension {i} has size {size}, too large.");
            dimensions[i] = (int)size;
            if (size != 0 && total > Array.MaxLength / size) throw new InvalidDataException($"'{path}' declares dimensions whose product exceeds {Array.MaxLength} elements, more than an array can hold.");
            total *= size;
        }
        if (total > Array.MaxLength) throw new InvalidDataException($"'{path}' declares {total} elements, more than an array can hold.");
        var data = new byte[total];
        ReadExactly(stream, data, path, $"{total} elements");
        return new IdxArray(dimensions, data);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            int read;
            try
            {
                read = stream.Read(buffer[total..]);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"'{path}' is corrupt while reading {what}: {e.Message}", e);
            }
            if (read == 0)
            {
                throw new InvalidDataException($"'{path}' is truncated: it ended after {total} of {buffer.Length} bytes of {what}.");
            }
            total += read;
        }
    }
}
