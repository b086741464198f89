using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>A loaded image set, where each image came from, and the load's report.</summary>
/// <param name="Images">The images, same-sized, with labels and class names.</param>
/// <param name="Sources">Where image i came from (a file path, or "example #k" for in-memory input), by index in <paramref name="Images"/>.</param>
/// <param name="Report">Counts of loaded, skipped, resized and converted images.</param>
public sealed record ImageLoadResult(LabeledImages Images, IReadOnlyList<string> Sources, ImageLoadReport Report);
