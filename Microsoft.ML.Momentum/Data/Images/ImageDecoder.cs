using System.Runtime.InteropServices;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Decodes PNG, JPEG, BMP and GIF (first frame) images, plus the other formats stb_image reads (TGA, PSD,
/// HDR, PNM), natively through libmomentum_native. 16-bit images are reduced to 8 bits. Thread-safe.
/// </summary>
public static unsafe class ImageDecoder
{
    /// <summary>Reads the header (size and channel count) without decoding the pixels.</summary>
    /// <param name="encoded">The encoded file contents.</param>
    /// <exception cref="InvalidDataException">The bytes are not a supported image; the message says why.</exception>
    public static ImageInfo ReadInfo(ReadOnlySpan<byte> encoded)
    {
        RequireBytes(encoded);
        fixed (byte* data = encoded)
        {
            Check(NativeMethods.ImageInfo(data, encoded.Length, out var width, out var height, out var channels), "reading an image header");
            return new ImageInfo(width, height, channels);
        }
    }

    /// <summary>Decodes an image into a new planar <see cref="DecodedImage"/> with its own channel count.</summary>
    /// <param name="encoded">The encoded file contents.</param>
    /// <exception cref="InvalidDataException">The bytes are not a supported image, or are truncated or corrupt.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> encoded)
    {
        var info = ReadInfo(encoded);
        var pixels = new byte[checked(info.Width * info.Height * info.Channels)];
        DecodeInto(encoded, pixels, info);
        return new DecodedImage(pixels, info.Channels, info.Height, info.Width);
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
    internal static void DecodeInto(ReadOnlySpan<byte> encoded, Span<byte> destination, ImageInfo info)
    {
        var needed = (long)info.Width * info.Height * info.Channels;
        if (destination.Length < needed) throw new ArgumentException($"The buffer holds {destination.Length} bytes; the image needs {needed}.", nameof(destination));
        RequireBytes(encoded);
        fixed (byte* data = encoded)
        fixed (byte* output = destination)
        {
            Check(NativeMethods.ImageDecode(data, encoded.Length, output, destination.Length, out var width, out var height, out var channels), "decoding an image");
            if (width != info.Width || height != info.Height || channels != info.Channels)
            {
                throw new InvalidDataException($"The image decoded to {width}x{height}x{channels}, not the {info.Width}x{info.Height}x{info.Channels} its header declared.");
            }
        }
    }

    private static void RequireBytes(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty) throw new InvalidDataException("The image is empty (0 bytes).");
    }

    /// <summary>Bad image bytes are reported as <see cref="InvalidDataException"/>, everything else as the engine does.</summary>
    internal static void Check(int status, string operation)
    {
        if (status == (int)NativeStatus.InvalidArgument)
        {
            var message = Marshal.PtrToStringUTF8((IntPtr)NativeMethods.LastError());
            throw new InvalidDataException(string.IsNullOrEmpty(message) ? $"{operation} failed." : message);
        }
        NativeError.Check(status, operation);
    }
}
