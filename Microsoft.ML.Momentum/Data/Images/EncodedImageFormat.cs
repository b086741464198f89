namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>File formats <see cref="ImageEncoder"/> writes.</summary>
public enum EncodedImageFormat
{
    /// <summary>Lossless PNG: gray or RGB, RGBA when there is alpha (gray + alpha is stored as RGBA).</summary>
    Png = 0,

    /// <summary>Baseline JPEG, gray or YCbCr, with a quality in [1, 100]; alpha is dropped.</summary>
    Jpeg = 1,

    /// <summary>Uncompressed BMP: 8-bit gray with a gray palette, or 24-bit RGB; alpha is dropped.</summary>
    Bmp = 2,

    /// <summary>
    /// Lossless WebP: RGB, RGBA when there is alpha (gray is stored as RGB); the colour of fully transparent
    /// pixels may change. Sides up to 16383 pixels.
    /// </summary>
    Webp = 3,
}
