namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>An image left out of a load because it could not be read or decoded.</summary>
/// <param name="Source">The file path, or "example #i" for in-memory examples.</param>
/// <param name="Reason">Why: the I/O error or the decoder's message.</param>
public sealed record SkippedImage(string Source, string Reason);
