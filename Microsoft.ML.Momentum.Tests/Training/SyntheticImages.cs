using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Tests.Training;

/// <summary>Learnable 1×8×8 images: the class is the quadrant that holds a bright blob.</summary>
internal static class SyntheticImages
{
    public static LabeledImages Make(int count, int seed, bool randomLabels = false)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 64];
        var labels = new int[count];
        for (var n = 0; n < count; n++)
        {
            var label = random.Next(4);
            labels[n] = randomLabels ? random.Next(4) : label;
            for (var y = 0; y < 8; y++)
            {
                for (var x = 0; x < 8; x++)
                {
                    var inQuadrant = (y < 4 ? 0 : 2) + (x < 4 ? 0 : 1) == label;
                    pixels[n * 64 + y * 8 + x] = (byte)Math.Clamp((inQuadrant ? 160 : 40) + random.Next(-40, 40), 0, 255);
                }
            }
        }
        return new LabeledImages(pixels, labels, 1, 8, 8, ["top left", "top right", "bottom left", "bottom right"]);
    }
}
