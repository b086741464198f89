using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Small CNN ("cnn"): per filter count a 3×3 convolution (padding 1) → ReLU → 2×2 max-pool, then Flatten →
/// Linear → ReLU → [Dropout] → Linear. Port of the native zoo's <c>create_cnn</c>, layer for layer. The input
/// must allow one halving per stage (height and width at least 2 before each); <see cref="NetworkFactory"/>
/// checks that.
/// </summary>
internal sealed class SmallCnn : SequentialClassifier
{
    /// <summary>Builds the network.</summary>
    /// <param name="input">Image input and classes.</param>
    /// <param name="filters">Convolution widths, one pooling stage each ("filters", default 32, 64).</param>
    /// <param name="hidden">Width of the hidden linear layer ("hidden", default 128).</param>
    /// <param name="dropout">Dropout rate before the last layer ("dropout", default 0).</param>
    public SmallCnn(ImageInput input, IReadOnlyList<long> filters, long hidden, double dropout)
        : base(nameof(SmallCnn), "cnn", input, Layers(input, filters, hidden, dropout))
    {
    }

    private static IEnumerable<Module<Tensor, Tensor>> Layers(ImageInput input, IReadOnlyList<long> filters, long hidden, double dropout)
    {
        long channels = input.Channels, height = input.Height, width = input.Width;
        foreach (var count in filters)
        {
            yield return Conv2d(channels, count, 3, padding: 1);
            yield return ReLU();
            yield return MaxPool2d(2);
            channels = count;
            height /= 2;
            width /= 2;
        }
        yield return Flatten();
        yield return Linear(channels * height * width, hidden);
        yield return ReLU();
        if (dropout > 0) yield return Dropout(dropout);
        yield return Linear(hidden, input.Classes);
    }
}
