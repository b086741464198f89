namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>What an encoded image's header declares, read without decoding its pixels.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Channels">Channels it decodes to: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA (GIF reports 3, or 4 with a transparent palette entry).</param>
public readonly record struct ImageInfo(int Width, int Height, int Channels)
{
    /// <summary>The size as (height, width).</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>True for gray formats (1 channel, or gray + alpha).</summary>
    public bool IsGray => Channels <= 2;
}
