using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Reads a whole text source as bytes and checks that it is UTF-8, reporting the first invalid byte with its
/// offset and line. A UTF-8 byte-order mark is skipped; a UTF-16/32 one is an error that says what to do.
/// </summary>
internal static class Utf8Source
{
    /// <summary>Reads <paramref name="stream"/> to the end.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining > Array.MaxLength)
            {
                throw new NotSupportedException($"Text sources larger than {Array.MaxLength} bytes are not supported.");
            }
        }

        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Validates <paramref name="bytes"/> as UTF-8 and returns the content without a UTF-8 byte-order mark.
    /// </summary>
    public static ReadOnlyMemory<byte> Validate(byte[] bytes, string sourceName)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            throw new TextDataException(sourceName, 1, null,
                "the file starts with a UTF-16 byte-order mark; text sources must be UTF-8 (convert it, e.g. with 'iconv -f UTF-16 -t UTF-8').",
                byteOffset: 0);
        }

        int start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        ReadOnlySpan<byte> content = span[start..];
        if (!Utf8.IsValid(content))
        {
            int bad = FirstInvalidOffset(content) + start;
            int line = LineOfOffset(span, bad);
            int lineStart = bad == 0 ? 0 : span[..bad].LastIndexOf((byte)'\n') + 1;
            string hex = Convert.ToHexString(span.Slice(bad, Math.Min(4, span.Length - bad)));
            throw new TextDataException(sourceName, line, null,
                $"invalid UTF-8 (bytes 0x{hex} at byte {bad - lineStart + 1} of the line); text sources must be UTF-8 " +
                "(re-save the file as UTF-8, or convert it, e.g. with 'iconv -f WINDOWS-1252 -t UTF-8').",
                byteOffset: bad);
        }

        return bytes.AsMemory(start);
    }

    /// <summary>The 1-based line of byte <paramref name="offset"/>, counting LF bytes before it.</summary>
    public static int LineOfOffset(ReadOnlySpan<byte> bytes, long offset)
    {
        int end = (int)Math.Min(offset, bytes.Length);
        return bytes[..end].Count((byte)'\n') + 1;
    }

    private static int FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
