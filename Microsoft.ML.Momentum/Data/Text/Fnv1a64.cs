using System.Text;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// 64-bit FNV-1a over UTF-8 bytes: a fixed, documented hash, so that hashed n-gram ids are the same on every
/// machine, process and .NET version (unlike <see cref="string.GetHashCode()"/>, which is randomized per process).
/// </summary>
public static class Fnv1a64
{
    /// <summary>The FNV-1a 64-bit offset basis: the hash of no bytes.</summary>
    public const ulong OffsetBasis = 14695981039346656037UL;

    /// <summary>The FNV-1a 64-bit prime.</summary>
    public const ulong Prime = 1099511628211UL;

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    public static ulong Hash(ReadOnlySpan<byte> bytes) => Append(OffsetBasis, bytes);

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 encoding (lone surrogates encode as U+FFFD).</summary>
    /// <param name="text">The text.</param>
    public static ulong Hash(ReadOnlySpan<char> text) => Append(OffsetBasis, text);

    /// <summary>Continues hash <paramref name="hash"/> over more bytes.</summary>
    /// <param name="hash">The hash so far.</param>
    /// <param name="bytes">The bytes.</param>
    public static ulong Append(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>Continues hash <paramref name="hash"/> over one byte.</summary>
    /// <param name="hash">The hash so far.</param>
    /// <param name="value">The byte.</param>
    public static ulong Append(ulong hash, byte value) => (hash ^ value) * Prime;

    /// <summary>Continues hash <paramref name="hash"/> over <paramref name="text"/>'s UTF-8 encoding, without allocating.</summary>
    /// <param name="hash">The hash so far.</param>
    /// <param name="text">The text.</param>
    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 0x80)
            {
                hash = (hash ^ c) * Prime;
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed);
            int n = rune.EncodeToUtf8(utf8);
            for (int k = 0; k < n; k++)
            {
                hash = (hash ^ utf8[k]) * Prime;
            }

            i += consumed;
        }

        return hash;
    }
}
