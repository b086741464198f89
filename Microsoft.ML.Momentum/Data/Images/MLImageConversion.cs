using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Copies an ML.NET <see cref="MLImage"/> (32-bit BGRA or RGBA, interleaved) into a planar <see cref="DecodedImage"/>
/// with the channel count the file decoder would give: 1 when every pixel is gray (R = G = B), 3 for colour, plus
/// an alpha channel (2 or 4) when any pixel is not opaque. The copy owns its pixels, so it outlives the
/// <see cref="MLImage"/>, which ML.NET's getters dispose when the next row is read.
/// </summary>
internal static class MLImageConversion
{
    /// <summary>The planar copy of <paramref name="image"/>.</summary>
    /// <exception cref="InvalidDataException">The image's pixel format is unknown.</exception>
    public static DecodedImage ToDecoded(MLImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (red, blue) = image.PixelFormat switch
        {
            MLPixelFormat.Bgra32 => (2, 0),
            MLPixelFormat.Rgba32 => (0, 2),
            _ => throw new InvalidDataException($"An MLImage with pixel format {image.PixelFormat} cannot be read; BGRA32 or RGBA32 is needed."),
        };
        var pixels = image.Pixels;
        var plane = image.Width * image.Height;
        bool gray = true, opaque = true;
        for (var i = 0; i < plane && (gray || opaque); i++)
        {
            var p = pixels.Slice(4 * i, 4);
            gray &= p[0] == p[1] && p[1] == p[2];
            opaque &= p[3] == 255;
        }
        var channels = (gray ? 1 : 3) + (opaque ? 0 : 1);
        var planar = new byte[channels * plane];
        ReadOnlySpan<int> colour = gray ? [red] : [red, 1, blue];
        for (var c = 0; c < channels; c++)
        {
            var source = c < colour.Length ? colour[c] : 3;
            var destination = planar.AsSpan(c * plane, plane);
            for (var i = 0; i < plane; i++) destination[i] = pixels[4 * i + source];
        }
        return new DecodedImage(planar, channels, image.Height, image.Width);
    }
}
