namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Which channels loaded images are converted to.</summary>
public enum ImageColorMode
{
    /// <summary>
    /// Grayscale when every image's header declares a gray format (1 channel, or gray + alpha); RGB otherwise.
    /// Decided from headers, so an RGB file whose three channels happen to be equal still counts as RGB.
    /// </summary>
    Auto = 0,

    /// <summary>One channel; colour images become ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B).</summary>
    Grayscale = 1,

    /// <summary>Three channels; gray images are replicated into R, G and B.</summary>
    Rgb = 3,
}
