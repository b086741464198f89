namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>File formats <see cref="ImageEncoder"/> writes (values match mm_image_format).</summary>
public enum EncodedImageFormat
{
    /// <summary>Lossless PNG (gray, gray + alpha, RGB, RGBA).</summary>
    Png = 0,

    /// <summary>Baseline JPEG with a quality in [1, 100]; alpha is dropped.</summary>
    Jpeg = 1,

    /// <summary>Uncompressed BMP.</summary>
    Bmp = 2,
}
