using System.Runtime.CompilerServices;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Converts planar pixels between channel counts. Gray (1) and RGB (3) are the targets; alpha is dropped
/// (not composited), as PIL's <c>convert("RGB")</c> does. Colour to gray is ITU-R BT.601 luma,
/// Y = 0.299 R + 0.587 G + 0.114 B, in 16-bit fixed point rounded to nearest.
/// </summary>
internal static class ChannelConversion
{
    // 0.299, 0.587, 0.114 scaled by 65536; they sum to exactly 65536, so white stays 255.
    private const int RedWeight = 19595, GreenWeight = 38470, BlueWeight = 7471;

    /// <summary>True when <paramref name="channels"/> (1 to 4) is a gray format (gray, gray + alpha).</summary>
    public static bool IsGray(int channels) => channels <= 2;

    /// <summary>Writes the BT.601 luma of the first three planes of <paramref name="source"/> (plane = <paramref name="area"/> bytes).</summary>
    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Luma(ReadOnlySpan<byte> source, int area, Span<byte> destination)
    {
        var red = source[..area];
        var green = source.Slice(area, area);
        var blue = source.Slice(2 * area, area);
        for (var i = 0; i < area; i++)
        {
            destination[i] = (byte)((RedWeight * red[i] + GreenWeight * green[i] + BlueWeight * blue[i] + 32768) >> 16);
        }
    }

    /// <summary>Converts at equal size from <paramref name="sourceChannels"/> to 1 or 3 channels.</summary>
    public static void Convert(ReadOnlySpan<byte> source, int sourceChannels, int area, Span<byte> destination, int targetChannels)
    {
        if (targetChannels == 1)
        {
            if (IsGray(sourceChannels)) source[..area].CopyTo(destination);
            else Luma(source, area, destination);
            return;
        }
        if (targetChannels != 3) throw new ArgumentOutOfRangeException(nameof(targetChannels), targetChannels, "Images are converted to 1 or 3 channels.");
        if (IsGray(sourceChannels))
        {
            for (var c = 0; c < 3; c++) source[..area].CopyTo(destination.Slice(c * area, area));
        }
        else
        {
            source[..(3 * area)].CopyTo(destination);
        }
    }
}
