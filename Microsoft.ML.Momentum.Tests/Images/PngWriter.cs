using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>
/// A minimal PNG writer for tests and fixtures, for the kinds of PNG that SkiaSharp's encoder does not write:
/// gray + alpha, gray with a transparent level (tRNS), 16-bit samples, and headers of any declared size.
/// Rows use filter 0 (none); the image data is one zlib stream in one IDAT chunk.
/// </summary>
internal static class PngWriter
{
    /// <summary>PNG colour types.</summary>
    public const int Gray = 0, Rgb = 2, GrayAlpha = 4, Rgba = 6;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// Writes interleaved <paramref name="samples"/> (row-major; 16-bit samples big-endian, as PNG stores them)
    /// of <paramref name="colourType"/> at <paramref name="bitDepth"/> 8 or 16.
    /// </summary>
    /// <param name="transparency">The contents of a tRNS chunk (e.g. the transparent gray level), or empty for none.</param>
    public static byte[] Write(int width, int height, int colourType, int bitDepth, ReadOnlySpan<byte> samples, ReadOnlySpan<byte> transparency = default)
    {
        var samplesPerPixel = colourType switch { Gray => 1, Rgb => 3, GrayAlpha => 2, Rgba => 4, _ => throw new ArgumentOutOfRangeException(nameof(colourType)) };
        if (bitDepth is not (8 or 16)) throw new ArgumentOutOfRangeException(nameof(bitDepth));
        var rowBytes = width * samplesPerPixel * bitDepth / 8;
        if (samples.Length != rowBytes * height) throw new ArgumentException($"Expected {rowBytes * height} bytes of samples.", nameof(samples));

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(samples.Slice(y * rowBytes, rowBytes));
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colourType;
        // header[10..13]: deflate compression, adaptive filtering, no interlace (all 0).
        WriteChunk(png, "IHDR"u8, header);
        if (!transparency.IsEmpty) WriteChunk(png, "tRNS"u8, transparency);
        WriteChunk(png, "IDAT"u8, compressed.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    /// <summary>A 2-channel (gray + alpha) image as an 8-bit gray + alpha PNG.</summary>
    public static byte[] WriteGrayAlpha(DecodedImage image)
    {
        if (image.Channels != 2) throw new ArgumentException("Expected a gray + alpha image.", nameof(image));
        var plane = image.Height * image.Width;
        var samples = new byte[2 * plane];
        for (var i = 0; i < plane; i++)
        {
            samples[2 * i] = image.Pixels[i];
            samples[2 * i + 1] = image.Pixels[plane + i];
        }
        return Write(image.Width, image.Height, GrayAlpha, 8, samples);
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = Crc(0xFFFFFFFFu, type);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>The CRC-32 table of PNG (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
