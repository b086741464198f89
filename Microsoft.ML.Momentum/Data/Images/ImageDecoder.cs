using System.Buffers;
using System.Buffers.Binary;
using SkiaSharp;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Decodes PNG, JPEG, BMP, GIF (first frame) and WebP images into planar 8-bit pixels, through SkiaSharp's codecs
/// (the image stack of ML.NET's Microsoft.ML.ImageAnalytics). Thread-safe: every call uses its own codec.
/// </summary>
/// <remarks>
/// <para>
/// The channel count comes from the header, read without decoding pixels: 1 for gray, 3 for opaque colour, 4 for
/// colour with alpha. A PNG stored as gray + alpha (or as gray with a transparent gray level) decodes to 2
/// channels, gray and alpha. Other gray + alpha files — a WebP, a GIF with a transparent palette entry — decode
/// to 4 channels (R = G = B). Palette images (GIF, 8-bit BMP, palette PNG) are colour, 3 or 4 channels, even
/// when the palette is gray; a GIF without transparency is 3.
/// </para>
/// <para>
/// Pixels are the stored values: 16-bit samples keep their high byte; colour profiles and gamma are not
/// applied; alpha is not premultiplied; EXIF orientation is not applied. Truncated or corrupt files fail
/// instead of yielding a partial image, and headers that declare a side over 16384 pixels are refused. TGA,
/// PSD, HDR, PNM, TIFF, ICO and the other formats are not read.
/// </para>
/// </remarks>
public static class ImageDecoder
{
    /// <summary>The largest width or height accepted: a corrupt or hostile header cannot ask for gigabytes.</summary>
    internal const int MaxSide = 1 << 14;

    private const string Readable = "PNG, JPEG, BMP, GIF and WebP";

    /// <summary>Reads the header (size and channel count) without decoding the pixels.</summary>
    /// <param name="encoded">The encoded file contents, or a prefix of them that holds the header.</param>
    /// <exception cref="InvalidDataException">The bytes are not a supported image; the message says why.</exception>
    public static unsafe ImageInfo ReadInfo(ReadOnlySpan<byte> encoded)
    {
        RequireBytes(encoded);
        fixed (byte* data = encoded)
        {
            using var codec = Open(data, encoded);
            return ReadHeader(codec, encoded).Info;
        }
    }

    /// <summary>Decodes an image into a new planar <see cref="DecodedImage"/> with its own channel count.</summary>
    /// <param name="encoded">The encoded file contents.</param>
    /// <exception cref="InvalidDataException">The bytes are not a supported image, or are truncated or corrupt.</exception>
    public static unsafe DecodedImage Decode(ReadOnlySpan<byte> encoded)
    {
        RequireBytes(encoded);
        fixed (byte* data = encoded)
        {
            using var codec = Open(data, encoded);
            var header = ReadHeader(codec, encoded);
            var info = header.Info;
            var pixels = new byte[info.Width * info.Height * info.Channels];
            DecodePixels(codec, header, encoded.Length, pixels);
            return new DecodedImage(pixels, info.Channels, info.Height, info.Width);
        }
    }

    /// <summary>Reads and decodes an image file; failures name the file.</summary>
    /// <param name="path">The image file.</param>
    /// <exception cref="InvalidDataException">The file is not a supported image, or is truncated or corrupt.</exception>
    public static DecodedImage DecodeFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Decode(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Image '{path}' could not be decoded: {e.Message}", e);
        }
    }

    /// <summary>Decodes into <paramref name="destination"/> (planar, at least W·H·C bytes of <paramref name="info"/>).</summary>
    /// <param name="encoded">The encoded file contents.</param>
    /// <param name="destination">Receives the first W·H·C bytes.</param>
    /// <param name="info">What <see cref="ReadInfo"/> returned for these bytes (or for a prefix of them).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    /// <exception cref="InvalidDataException">The image is invalid, or is not the size or channel count of <paramref name="info"/>.</exception>
    internal static unsafe void DecodeInto(ReadOnlySpan<byte> encoded, Span<byte> destination, ImageInfo info)
    {
        var needed = (long)info.Width * info.Height * info.Channels;
        if (destination.Length < needed) throw new ArgumentException($"The buffer holds {destination.Length} bytes; the image needs {needed}.", nameof(destination));
        RequireBytes(encoded);
        fixed (byte* data = encoded)
        {
            using var codec = Open(data, encoded);
            var header = ReadHeader(codec, encoded);
            var actual = header.Info;
            if (actual != info)
            {
                throw new InvalidDataException($"The image is {actual.Width}x{actual.Height}x{actual.Channels}, not the {info.Width}x{info.Height}x{info.Channels} its header declared.");
            }
            DecodePixels(codec, header, encoded.Length, destination[..(int)needed]);
        }
    }

    private static void RequireBytes(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty) throw new InvalidDataException("The image is empty (0 bytes).");
    }

    /// <summary>What the header says, and how to decode it.</summary>
    private readonly record struct Header(ImageInfo Info, string Format);

    /// <summary>A codec over <paramref name="data"/>, which must stay pinned until the codec is disposed.</summary>
    private static unsafe SKCodec Open(byte* data, ReadOnlySpan<byte> encoded)
    {
        using var wrapped = SKData.Create((IntPtr)data, encoded.Length);
        using var stream = new SKMemoryStream(wrapped);
        // The codec takes the stream over (and with it a reference to the data); disposing the codec frees both.
        var codec = SKCodec.Create(stream, out var result);
        if (codec is not null) return codec;
        var format = Sniff(encoded);
        var reason = (format, result) switch
        {
            (UnknownFormat, _) => "the data is not PNG, JPEG, BMP, GIF or WebP",
            (_, SKCodecResult.Unimplemented) when IsReadable(format) => $"it uses a variant of {format} that is not supported",
            _ when IsReadable(format) => Reason(result),
            _ => $"{format} files are not supported ({Readable} are)",
        };
        throw new InvalidDataException($"not a readable image ({format}, {encoded.Length} bytes): {reason}.");
    }

    private static Header ReadHeader(SKCodec codec, ReadOnlySpan<byte> encoded)
    {
        var format = Name(codec.EncodedFormat);
        if (!IsReadable(format))
        {
            throw new InvalidDataException($"not a readable image ({format}, {encoded.Length} bytes): {format} files are not supported ({Readable} are).");
        }
        var info = codec.Info;
        if (info.Width is < 1 or > MaxSide || info.Height is < 1 or > MaxSide)
        {
            throw new InvalidDataException($"the {format} header declares {info.Width}x{info.Height} pixels; each side must be in [1, {MaxSide}].");
        }
        var opaque = info.AlphaType == SKAlphaType.Opaque;
        var channels = format == "PNG" && IsGrayPng(encoded) ? (opaque ? 1 : 2)
            : info.ColorType == SKColorType.Gray8 ? 1
            : opaque ? 3 : 4;
        return new Header(new ImageInfo(info.Width, info.Height, channels), format);
    }

    /// <summary>True when the PNG's IHDR declares colour type 0 (gray) or 4 (gray + alpha).</summary>
    private static bool IsGrayPng(ReadOnlySpan<byte> encoded)
    {
        // Signature (8 bytes), IHDR length (4) and type (4), width (4), height (4), bit depth (1), colour type (1).
        const int ColourTypeOffset = 25;
        return encoded.Length > ColourTypeOffset && encoded.Slice(12, 4).SequenceEqual("IHDR"u8) && (encoded[ColourTypeOffset] & ~4) == 0;
    }

    /// <summary>Decodes into planar <paramref name="destination"/> (exactly W·H·C bytes of <paramref name="header"/>).</summary>
    private static unsafe void DecodePixels(SKCodec codec, Header header, int encodedLength, Span<byte> destination)
    {
        var (width, height, channels) = header.Info;
        var plane = width * height;
        if (channels == 1)
        {
            var gray = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
            fixed (byte* output = destination)
            {
                Check(codec.GetPixels(gray, (IntPtr)output, width, SKCodecOptions.Default), header, encodedLength);
            }
            return;
        }
        // Unpremultiplied, without a colour space: the stored values, with no alpha or colour conversion.
        var rgba = new SKImageInfo(width, height, SKColorType.Rgba8888, channels == 3 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var buffer = ArrayPool<byte>.Shared.Rent(plane * 4);
        try
        {
            fixed (byte* interleaved = buffer)
            {
                Check(codec.GetPixels(rgba, (IntPtr)interleaved, width * 4, SKCodecOptions.Default), header, encodedLength);
            }
            Deinterleave(buffer.AsSpan(0, plane * 4), destination, plane, channels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>RGBA (HWC) to planar (CHW): R, G, B[, A] planes, or for 2 channels R (the gray level) and A.</summary>
    private static void Deinterleave(ReadOnlySpan<byte> rgba, Span<byte> destination, int plane, int channels)
    {
        for (var c = 0; c < channels; c++)
        {
            var source = channels == 2 && c == 1 ? 3 : c;
            var output = destination.Slice(c * plane, plane);
            for (var i = 0; i < plane; i++) output[i] = rgba[4 * i + source];
        }
    }

    private static void Check(SKCodecResult result, Header header, int encodedLength)
    {
        if (result == SKCodecResult.Success) return;
        var info = header.Info;
        throw new InvalidDataException($"the {header.Format} image ({info.Width}x{info.Height}, {encodedLength} bytes) could not be decoded: {Reason(result)}.");
    }

    private static string Reason(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the data ends early (the file is truncated)",
        SKCodecResult.ErrorInInput => "the data is corrupt",
        SKCodecResult.InvalidInput => "the data is not a valid image",
        SKCodecResult.Unimplemented => "it uses a feature of its format that is not supported",
        SKCodecResult.InvalidConversion => "its pixels cannot be converted to 8-bit gray or RGBA",
        _ => $"the decoder failed ({result})",
    };

    private const string UnknownFormat = "unknown format";

    private static bool IsReadable(string format) => format is "PNG" or "JPEG" or "BMP" or "GIF" or "WebP";

    private static string Name(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Webp => "WebP",
        var other => other.ToString().ToUpperInvariant(),
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>Names the container from its magic bytes, for messages ("PNG", "JPEG", ..., or "unknown format").</summary>
    private static string Sniff(ReadOnlySpan<byte> d)
    {
        if (d.StartsWith(PngSignature)) return "PNG";
        if (d.StartsWith(JpegSignature)) return "JPEG";
        if (d.StartsWith("GIF87a"u8) || d.StartsWith("GIF89a"u8)) return "GIF";
        if (d.StartsWith("BM"u8)) return "BMP";
        if (d.Length >= 12 && d.StartsWith("RIFF"u8) && d.Slice(8, 4).SequenceEqual("WEBP"u8)) return "WebP";
        if (d.StartsWith("8BPS"u8)) return "PSD";
        if (d.StartsWith("#?RADIANCE"u8) || d.StartsWith("#?RGBE"u8)) return "HDR";
        if (d.StartsWith("II*\0"u8) || d.StartsWith("MM\0*"u8)) return "TIFF";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(d) == 0x00000100) return "ICO";
        if (d.Length >= 2 && d[0] == 'P' && d[1] is >= (byte)'1' and <= (byte)'6') return "PNM";
        return UnknownFormat;
    }
}
