namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>An in-memory example: a class index and an encoded image (PNG, JPEG, BMP, GIF, ...).</summary>
/// <param name="Label">Class index into the class names given with the examples.</param>
/// <param name="Encoded">The encoded file contents (not copied; must not change during the load).</param>
public readonly record struct EncodedImageExample(int Label, ReadOnlyMemory<byte> Encoded);

/// <summary>An in-memory example: a class index and decoded pixels.</summary>
/// <param name="Label">Class index into the class names given with the examples.</param>
/// <param name="Image">The pixels, planar, 1 to 4 channels, any size.</param>
public readonly record struct DecodedImageExample(int Label, DecodedImage Image);
