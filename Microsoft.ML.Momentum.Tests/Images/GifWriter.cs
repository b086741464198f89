namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>
/// A minimal GIF89a writer for test fixtures (SkiaSharp has no GIF encoder): full-size frames, a 256-entry
/// palette, and "uncompressed" LZW: 9-bit literal codes with a clear code often enough that the decoder's
/// code width never grows.
/// </summary>
internal static class GifWriter
{
    private const int ClearCode = 256, EndCode = 257, LiteralsPerClear = 250;

    /// <summary>Writes palette indices (height × width) with a 256-colour palette (768 bytes RGB).</summary>
    public static byte[] Write(ReadOnlySpan<byte> indices, int width, int height, ReadOnlySpan<byte> palette) =>
        WriteFrames([indices.ToArray()], width, height, palette);

    /// <summary>Writes one frame per entry of <paramref name="frames"/> (palette indices, height × width each), in order.</summary>
    public static byte[] WriteFrames(IReadOnlyList<byte[]> frames, int width, int height, ReadOnlySpan<byte> palette)
    {
        if (palette.Length != 768) throw new ArgumentException("The palette needs 256 RGB entries.", nameof(palette));
        if (frames.Count == 0) throw new ArgumentException("At least one frame is needed.", nameof(frames));
        using var stream = new MemoryStream();
        stream.Write("GIF89a"u8);
        WriteUInt16(stream, width);
        WriteUInt16(stream, height);
        stream.WriteByte(0xF7); // global colour table, 8 bits per primary, 256 entries
        stream.WriteByte(0);    // background colour index
        stream.WriteByte(0);    // pixel aspect ratio
        stream.Write(palette);
        foreach (var indices in frames)
        {
            if (indices.Length != width * height) throw new ArgumentException($"A frame needs {width * height} indices.", nameof(frames));
            stream.WriteByte(0x2C); // image descriptor
            WriteUInt16(stream, 0);
            WriteUInt16(stream, 0);
            WriteUInt16(stream, width);
            WriteUInt16(stream, height);
            stream.WriteByte(0);    // no local table, not interlaced
            stream.WriteByte(8);    // LZW minimum code size
            WriteSubBlocks(stream, Lzw(indices));
        }
        stream.WriteByte(0x3B);
        return stream.ToArray();
    }

    /// <summary>A 256-level gray palette (index = value).</summary>
    public static byte[] GrayPalette()
    {
        var palette = new byte[768];
        for (var i = 0; i < 256; i++) palette[3 * i] = palette[3 * i + 1] = palette[3 * i + 2] = (byte)i;
        return palette;
    }

    private static byte[] Lzw(ReadOnlySpan<byte> indices)
    {
        var bits = new BitWriter();
        for (var i = 0; i < indices.Length; i++)
        {
            if (i % LiteralsPerClear == 0) bits.Write(ClearCode, 9);
            bits.Write(indices[i], 9);
        }
        bits.Write(EndCode, 9);
        return bits.ToArray();
    }

    private static void WriteSubBlocks(Stream stream, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            stream.WriteByte((byte)length);
            stream.Write(data, offset, length);
        }
        stream.WriteByte(0);
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)value);
        stream.WriteByte((byte)(value >> 8));
    }

    /// <summary>Packs codes least-significant bit first, as GIF requires.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _buffer, _count;

        public void Write(int code, int width)
        {
            _buffer |= code << _count;
            _count += width;
            while (_count >= 8)
            {
                _bytes.Add((byte)_buffer);
                _buffer >>= 8;
                _count -= 8;
            }
        }

        public byte[] ToArray()
        {
            if (_count > 0) _bytes.Add((byte)_buffer);
            _buffer = _count = 0;
            return [.. _bytes];
        }
    }
}
