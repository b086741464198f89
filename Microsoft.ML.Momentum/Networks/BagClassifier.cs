using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// fastText-style classifier ("embedding_bag"): the mean of the (word and hashed n-gram) embeddings of each
/// sequence, padding ids excluded → dropout → linear. fastText's initialisation: embeddings U(−1/dim, 1/dim) (so
/// rows training never touches, such as the unknown word's, barely move the mean), the padding row 0 zero, and a
/// zero output layer. Port of the native zoo's <c>BagClassifierImpl</c>: modules "bag", "dropout", "head".
/// </summary>
internal sealed class BagClassifier : ClassifierNetwork
{
    // Field order is registration order: bag, dropout, head.
    private readonly EmbeddingBag bag;
    private readonly Dropout dropout;
    private readonly Linear head;

    /// <summary>Builds and initialises the network.</summary>
    /// <param name="input">Vocabulary, classes and embedding width ("dim", default 64).</param>
    /// <param name="dropoutRate">Dropout rate on the mean embedding ("dropout", default 0).</param>
    public BagClassifier(TextInput input, double dropoutRate)
        : base(nameof(BagClassifier), "embedding_bag", ModelInputKind.Tokens, [-1], checked((int)input.Classes), input.Vocabulary)
    {
        bag = EmbeddingBag(input.Vocabulary, input.Dim, mode: EmbeddingBagMode.Mean, padding_index: 0);
        dropout = Dropout(dropoutRate);
        head = Linear(input.Dim, input.Classes);
        RegisterComponents();
        using var noGrad = torch.no_grad();
        using var weight = bag.weight!;
        weight.uniform_(-1.0 / input.Dim, 1.0 / input.Dim);
        using (var padding = weight[0]) padding.zero_();
        head.weight!.zero_();
        head.bias!.zero_();
    }

    /// <summary>Applies the network; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Token ids [N, L] (0 = padding).</param>
    /// <returns>Logits [N, classes].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(head.call(dropout.call(bag.call(input))));
    }
}
