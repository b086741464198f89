using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Multi-layer perceptron ("mlp"): Flatten → (Linear → ReLU → Dropout)* → Linear, the dropout layers only when
/// the rate is above 0. Port of the native zoo's <c>create_mlp</c>, layer for layer.
/// </summary>
internal sealed class Mlp : SequentialClassifier
{
    /// <summary>Builds the network.</summary>
    /// <param name="input">Image input and classes.</param>
    /// <param name="hidden">Hidden layer widths ("hidden", default 128).</param>
    /// <param name="dropout">Dropout rate after each hidden layer ("dropout", default 0).</param>
    public Mlp(ImageInput input, IReadOnlyList<long> hidden, double dropout)
        : base(nameof(Mlp), "mlp", input, Layers(input, hidden, dropout))
    {
    }

    private static IEnumerable<Module<Tensor, Tensor>> Layers(ImageInput input, IReadOnlyList<long> hidden, double dropout)
    {
        yield return Flatten();
        var width = input.ExampleLength;
        foreach (var units in hidden)
        {
            yield return Linear(width, units);
            yield return ReLU();
            if (dropout > 0) yield return Dropout(dropout);
            width = units;
        }
        yield return Linear(width, input.Classes);
    }
}
