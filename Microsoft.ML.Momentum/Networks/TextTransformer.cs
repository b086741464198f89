using System.Globalization;
using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// A small Transformer encoder ("transformer"): token + learned position embeddings → libtorch's post-norm
/// encoder layers (ReLU feed-forward, padding masked) → mean over the real tokens → linear. A row that is all
/// padding treats its first slot as real (so attention never sees only masked keys, and the mean is over that
/// slot). Sequences longer than max_length are rejected. Port of the native zoo's <c>TextTransformerImpl</c>: modules "embedding", "positions", "encoder", "head".
/// </summary>
internal sealed class TextTransformer : ClassifierNetwork
{
    // Field order is registration order: embedding, positions, encoder, head.
    private readonly Embedding embedding;
    private readonly Embedding positions;
    private readonly TransformerEncoder encoder;
    private readonly Linear head;
    private readonly long maxLength;

    /// <summary>Builds the network (libtorch's default initialisation throughout).</summary>
    /// <param name="input">Vocabulary, classes and model width ("dim", default 128; divisible by <paramref name="heads"/>).</param>
    /// <param name="layers">Encoder layers ("layers", default 2).</param>
    /// <param name="heads">Attention heads ("heads", default 4).</param>
    /// <param name="feedForward">Feed-forward width ("feed_forward", default 4·dim).</param>
    /// <param name="maxLength">Longest sequence, the number of positions ("max_length", default 512).</param>
    /// <param name="dropoutRate">Dropout inside the encoder layers ("dropout", default 0.1).</param>
    public TextTransformer(TextInput input, long layers, long heads, long feedForward, long maxLength, double dropoutRate)
        : base(nameof(TextTransformer), "transformer", ModelInputKind.Tokens, [-1], checked((int)input.Classes), input.Vocabulary)
    {
        this.maxLength = maxLength;
        embedding = Embedding(input.Vocabulary, input.Dim, padding_idx: 0);
        positions = Embedding(maxLength, input.Dim);
        // The encoder clones this prototype layer `layers` times (libtorch's TransformerEncoder), so every layer
        // starts from the same weights, as natively; the prototype itself is not part of the network.
        using (var prototype = TransformerEncoderLayer(input.Dim, heads, feedForward, dropoutRate))
        {
            encoder = TransformerEncoder(prototype, layers);
        }
        head = Linear(input.Dim, input.Classes);
        RegisterComponents();
    }

    /// <summary>Applies the network; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Token ids [N, L] (0 = padding), L ≤ max_length.</param>
    /// <returns>Logits [N, classes].</returns>
    /// <exception cref="ArgumentException">The sequences are longer than max_length.</exception>
    public override Tensor forward(Tensor input)
    {
        var length = input.shape[1];
        if (length > maxLength)
        {
            throw new ArgumentException(
                $"token sequence of length {length.ToString(CultureInfo.InvariantCulture)} exceeds the transformer's max_length " +
                maxLength.ToString(CultureInfo.InvariantCulture));
        }
        using var scope = torch.NewDisposeScope();
        var padding = input.eq(0);  // [N, L], true where padded
        padding.select(1, 0).masked_fill_(padding.all(1), false);  // an all-padding row attends to its first slot
        var index = torch.arange(length, ScalarType.Int64, input.device);
        var x = embedding.call(input) + positions.call(index).unsqueeze(0);  // [N, L, dim]
        x = encoder.call(x.transpose(0, 1), null!, padding).transpose(0, 1);
        var keep = padding.logical_not().unsqueeze(2).to(x.dtype);
        return scope.MoveToOuter(head.call((x * keep).sum(1) / keep.sum(1).clamp_min(1)));
    }
}
