using System.Buffers.Binary;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Writes uncompressed Windows BMP files (BITMAPINFOHEADER, BI_RGB): 8-bit with a 256-level gray palette for
/// gray images, 24-bit BGR for colour ones; alpha is dropped. Rows are stored bottom-up, each padded with zeros
/// to a multiple of 4 bytes.
/// </summary>
internal static class BmpWriter
{
    private const int FileHeaderSize = 14, InfoHeaderSize = 40, PaletteSize = 256 * 4;

    /// <summary>The BMP file of <paramref name="image"/> (1 or 2 channels: gray; 3 or 4: colour).</summary>
    public static byte[] Write(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int width = image.Width, height = image.Height, plane = width * height;
        var gray = image.Channels <= 2;
        var bytesPerPixel = gray ? 1 : 3;
        var rowSize = (width * bytesPerPixel + 3) & ~3;
        var pixelOffset = FileHeaderSize + InfoHeaderSize + (gray ? PaletteSize : 0);
        var fileSize = pixelOffset + (long)rowSize * height;
        if (fileSize > Array.MaxLength) throw new ArgumentException($"A {width}x{height} BMP would be {fileSize} bytes, more than one array holds.", nameof(image));
        var file = new byte[fileSize];
        var span = file.AsSpan();

        // BITMAPFILEHEADER.
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteUInt32LittleEndian(span[2..], (uint)fileSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[10..], (uint)pixelOffset); // after two reserved 16-bit zeros
        // BITMAPINFOHEADER: a positive height means bottom-up rows. Image size and resolution may be 0 for BI_RGB.
        var info = span.Slice(FileHeaderSize, InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(info, InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(info[4..], width);
        BinaryPrimitives.WriteInt32LittleEndian(info[8..], height);
        BinaryPrimitives.WriteUInt16LittleEndian(info[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(info[14..], (ushort)(8 * bytesPerPixel));
        if (gray)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(info[32..], 256); // palette entries used
            var palette = span.Slice(FileHeaderSize + InfoHeaderSize, PaletteSize);
            for (var i = 0; i < 256; i++) palette[4 * i] = palette[4 * i + 1] = palette[4 * i + 2] = (byte)i; // B, G, R, reserved 0
        }

        var pixels = image.Pixels.AsSpan();
        for (var y = 0; y < height; y++)
        {
            var row = span.Slice(pixelOffset + (height - 1 - y) * rowSize, rowSize);
            var offset = y * width;
            if (gray)
            {
                pixels.Slice(offset, width).CopyTo(row);
                continue;
            }
            for (var x = 0; x < width; x++)
            {
                row[3 * x] = pixels[2 * plane + offset + x];
                row[3 * x + 1] = pixels[plane + offset + x];
                row[3 * x + 2] = pixels[offset + x];
            }
        }
        return file;
    }
}
