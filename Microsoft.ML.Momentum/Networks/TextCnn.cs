using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// TextCNN ("textcnn", Kim 2014): embeddings → one Conv1d per window width → ReLU → max over time → concatenation
/// → dropout → linear. Embeddings start U(−0.05, 0.05) (Keras' default) with the padding row 0 zero, instead of
/// torch's N(0, 1). Sequences must be at least as long as the widest window (<see cref="ClassifierNetwork.MinLength"/>;
/// <see cref="ClassifierNetwork.PrepareTokens"/> pads them). Port of the native zoo's <c>TextCnnImpl</c>: modules
/// "embedding", "convolutions", "dropout", "head".
/// </summary>
internal sealed class TextCnn : ClassifierNetwork
{
    // Field order is registration order: embedding, convolutions, dropout, head.
    private readonly Embedding embedding;
    private readonly ModuleList<Conv1d> convolutions;
    private readonly Dropout dropout;
    private readonly Linear head;

    /// <summary>Builds and initialises the network.</summary>
    /// <param name="input">Vocabulary, classes and embedding width ("dim", default 128).</param>
    /// <param name="widths">Window widths ("widths", default 3, 4, 5; at least one).</param>
    /// <param name="filters">Filters per width ("filters", default 100).</param>
    /// <param name="dropoutRate">Dropout rate on the pooled features ("dropout", default 0.5).</param>
    public TextCnn(TextInput input, IReadOnlyList<long> widths, long filters, double dropoutRate)
        : base(nameof(TextCnn), "textcnn", ModelInputKind.Tokens, [-1], checked((int)input.Classes), input.Vocabulary, widths.Max())
    {
        embedding = Embedding(input.Vocabulary, input.Dim, padding_idx: 0);
        dropout = Dropout(dropoutRate);
        head = Linear(filters * widths.Count, input.Classes);
        // As in the native constructor, the convolutions are created (and initialised) after the head.
        convolutions = ModuleList(widths.Select(width => Conv1d(input.Dim, filters, width)).ToArray());
        RegisterComponents();
        using var noGrad = torch.no_grad();
        using var weight = embedding.weight!;
        weight.uniform_(-0.05, 0.05);
        using (var padding = weight[0]) padding.zero_();
    }

    /// <summary>Applies the network; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Token ids [N, L] (0 = padding) with L ≥ <see cref="ClassifierNetwork.MinLength"/>.</param>
    /// <returns>Logits [N, classes].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = embedding.call(input).transpose(1, 2);  // [N, dim, L]
        var pooled = convolutions.Select(conv => functional.relu(conv.call(x)).max(2).values).ToArray();
        return scope.MoveToOuter(head.call(dropout.call(torch.cat(pooled, 1))));
    }
}
