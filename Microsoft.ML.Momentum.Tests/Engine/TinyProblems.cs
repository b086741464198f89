using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;

namespace Microsoft.ML.Momentum.Tests.Engine;

/// <summary>Small deterministic inputs for engine tests.</summary>
internal static class TinyProblems
{
    public static NetworkSpec TinyMlp => NetworkSpec.Mlp(1, 2, 3, 3, 5);

    public static NetworkSpec TinyCnn => NetworkSpec.SmallCnn(1, 8, 8, 4, [4, 8], 16);

    /// <summary>Gaussian-ish inputs and uniform labels from a seeded generator.</summary>
    public static (float[] Inputs, long[] Labels) Batch(TorchModel model, int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * model.ExampleLength];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 2 - 1);
        var labels = new long[count];
        for (var i = 0; i < count; i++) labels[i] = random.Next(model.ClassCount);
        return (inputs, labels);
    }
}
