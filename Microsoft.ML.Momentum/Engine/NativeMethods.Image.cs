using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>The image codec of libmomentum_native (momentum_native_image.h): no libtorch involved.</summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>mm_image_format: the encoders <see cref="ImageEncode"/> offers.</summary>
    internal const int ImageFormatPng = 0, ImageFormatJpeg = 1, ImageFormatBmp = 2;

    [LibraryImport(LibraryName, EntryPoint = "mm_image_info")]
    internal static partial int ImageInfo(byte* encoded, long length, out int width, out int height, out int channels);

    [LibraryImport(LibraryName, EntryPoint = "mm_image_decode")]
    internal static partial int ImageDecode(byte* encoded, long length, byte* destination, long capacity, out int width, out int height, out int channels);

    [LibraryImport(LibraryName, EntryPoint = "mm_image_encode")]
    internal static partial int ImageEncode(byte* pixels, int width, int height, int channels, int format, int quality, byte* destination, long capacity, out long length);
}
