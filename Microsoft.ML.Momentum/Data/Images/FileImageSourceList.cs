using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Image files with their labels; files are read into pooled buffers.</summary>
internal sealed class FileImageSourceList(IReadOnlyList<string> paths, IReadOnlyList<int> labels) : EncodedImageSourceList
{
    // Headers of PNG, GIF and BMP sit in the first bytes; a JPEG's frame header follows its metadata, which
    // rarely exceeds this. When it does, the whole file is read.
    private const int HeaderPrefix = 64 * 1024;

    public override int Count => paths.Count;

    public override int Label(int index) => labels[index];

    public override string Describe(int index) => paths[index];

    public override ImageInfo ReadInfo(int index)
    {
        var path = paths[index];
        long length;
        var prefix = ArrayPool<byte>.Shared.Rent(HeaderPrefix);
        try
        {
            using var handle = File.OpenHandle(path);
            length = RandomAccess.GetLength(handle);
            var read = ReadAll(handle, prefix.AsSpan(0, (int)Math.Min(length, HeaderPrefix)));
            try
            {
                return ImageDecoder.ReadInfo(prefix.AsSpan(0, read));
            }
            catch (InvalidDataException) when (length > read)
            {
                // The header lies beyond the prefix: read the whole file below.
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(prefix);
        }
        return base.ReadInfo(index);
    }

    protected override EncodedBytes Read(int index)
    {
        var path = paths[index];
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"'{path}' is {length} bytes, too large for an image.");
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
        try
        {
            var read = ReadAll(handle, buffer.AsSpan(0, (int)length));
            return new EncodedBytes(buffer.AsMemory(0, read), buffer);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static int ReadAll(SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
