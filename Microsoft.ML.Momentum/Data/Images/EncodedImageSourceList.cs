using System.Buffers;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Sources that hold encoded images (files or byte arrays), decoded by SkiaSharp.</summary>
internal abstract class EncodedImageSourceList : ImageSourceList
{
    /// <summary>The encoded bytes of an item; <see cref="Dispose"/> returns a pooled buffer.</summary>
    protected readonly struct EncodedBytes(ReadOnlyMemory<byte> memory, byte[]? rented) : IDisposable
    {
        public ReadOnlySpan<byte> Span => memory.Span;

        public void Dispose()
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>All encoded bytes of item <paramref name="index"/>.</summary>
    protected abstract EncodedBytes Read(int index);

    public override ImageInfo ReadInfo(int index)
    {
        using var bytes = Read(index);
        return ImageDecoder.ReadInfo(bytes.Span);
    }

    public override ImageInfo DecodeInto(int index, Span<byte> destination, int channels, ImageSize size, ImageResizer resizer)
    {
        using var bytes = Read(index);
        var info = ImageDecoder.ReadInfo(bytes.Span);
        if (info.Channels == channels && info.Size == size)
        {
            ImageDecoder.DecodeInto(bytes.Span, destination, info);
            return info;
        }
        var length = info.Width * info.Height * info.Channels;
        var decoded = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ImageDecoder.DecodeInto(bytes.Span, decoded.AsSpan(0, length), info);
            ImageConverter.ConvertInto(decoded.AsSpan(0, length), info.Channels, info.Size, destination, channels, size, resizer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
        return info;
    }
}
