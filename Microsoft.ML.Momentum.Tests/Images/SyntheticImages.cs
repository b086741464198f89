using Microsoft.ML.Momentum.Data.Images;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>Small drawn images (a disc or a square on a background) for fixtures and unit tests.</summary>
internal static class SyntheticImages
{
    /// <summary>A shape on a background, planar, deterministic in its arguments.</summary>
    /// <param name="disc">True: a disc; false: a square.</param>
    /// <param name="channels">1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.</param>
    public static DecodedImage Shape(bool disc, int channels, int height, int width, int variant = 0)
    {
        var pixels = new byte[channels * height * width];
        var plane = height * width;
        double cy = height / 2.0 + variant % 3 - 1, cx = width / 2.0 + variant % 2, radius = Math.Min(height, width) * 0.3;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = disc
                    ? (y + 0.5 - cy) * (y + 0.5 - cy) + (x + 0.5 - cx) * (x + 0.5 - cx) <= radius * radius
                    : Math.Abs(y + 0.5 - cy) <= radius && Math.Abs(x + 0.5 - cx) <= radius;
                var background = (byte)(20 + (x + y + variant) % 16);
                var colour = channels <= 2 ? [(byte)(200 + variant * 5)] : new[] { (byte)(220 - variant * 7), (byte)(60 + variant * 11), (byte)(140 + variant) };
                for (var c = 0; c < Math.Min(channels, channels <= 2 ? 1 : 3); c++)
                {
                    pixels[c * plane + y * width + x] = inside ? colour[c] : (byte)(background + 10 * c);
                }
                if (channels is 2 or 4) pixels[(channels - 1) * plane + y * width + x] = inside ? (byte)255 : (byte)128;
            }
        }
        return new DecodedImage(pixels, channels, height, width);
    }

    /// <summary>A GIF of the image: gray with a gray palette, colour quantized to a 3-3-2 palette.</summary>
    public static byte[] Gif(DecodedImage image)
    {
        var plane = image.Height * image.Width;
        var indices = new byte[plane];
        byte[] palette;
        if (image.Channels <= 2)
        {
            image.Pixels.AsSpan(0, plane).CopyTo(indices);
            palette = GifWriter.GrayPalette();
        }
        else
        {
            palette = new byte[768];
            for (var i = 0; i < 256; i++)
            {
                palette[3 * i] = (byte)((i >> 5) * 255 / 7);
                palette[3 * i + 1] = (byte)(((i >> 2) & 7) * 255 / 7);
                palette[3 * i + 2] = (byte)((i & 3) * 255 / 3);
            }
            for (var p = 0; p < plane; p++)
            {
                indices[p] = (byte)((image.Pixels[p] >> 5 << 5) | (image.Pixels[plane + p] >> 5 << 2) | (image.Pixels[2 * plane + p] >> 6));
            }
        }
        return GifWriter.Write(indices, image.Width, image.Height, palette);
    }
}
