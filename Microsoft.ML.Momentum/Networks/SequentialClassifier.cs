using System.Globalization;
using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// An image network that is a plain chain of layers, like the native zoo's <c>SequentialNetwork</c>: the layers
/// are registered under "0", "1", … (so parameter names read "1.weight", as libtorch's <c>Sequential</c> names
/// them) and applied in turn.
/// </summary>
internal abstract class SequentialClassifier : ClassifierNetwork
{
    private readonly nn.Module<Tensor, Tensor>[] layers;

    /// <summary>Registers <paramref name="layers"/> in order; the network owns them from here on.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="architecture">Zoo name.</param>
    /// <param name="input">The image input the layers take.</param>
    /// <param name="layers">The layers, first to last.</param>
    protected SequentialClassifier(string name, string architecture, ImageInput input, IEnumerable<nn.Module<Tensor, Tensor>> layers)
        : base(name, architecture, ModelInputKind.Dense, input.ExampleShape, checked((int)input.Classes))
    {
        this.layers = [.. layers];
        for (var i = 0; i < this.layers.Length; i++) register_module(i.ToString(CultureInfo.InvariantCulture), this.layers[i]);
    }

    /// <summary>Applies the layers in turn; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Float32 images [N, C, H, W].</param>
    /// <returns>Logits [N, classes].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = input;
        foreach (var layer in layers) x = layer.call(x);
        return scope.MoveToOuter(x);
    }
}
