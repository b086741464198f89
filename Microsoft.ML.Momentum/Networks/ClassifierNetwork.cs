using System.Globalization;
using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// A network of the model zoo: a TorchSharp module from a batch of inputs to class logits [N, classes], plus what
/// its inputs must look like. Dense networks take float32 [N, C, H, W]; token networks take int64 ids [N, L],
/// right-padded with 0 (the padding id). The input checks (<see cref="CheckInputs"/>, <see cref="PrepareTokens"/>,
/// <see cref="CheckLabels"/>) are those the native model applied before every step, with the same messages.
/// </summary>
internal abstract class ClassifierNetwork : nn.Module<Tensor, Tensor>
{
    private readonly long[] exampleShape;

    /// <summary>Describes the network's inputs and outputs.</summary>
    /// <param name="name">Module name (for TorchSharp diagnostics).</param>
    /// <param name="architecture">Zoo name, as in <see cref="NetworkSpec.Architecture"/>.</param>
    /// <param name="inputKind">Float inputs or token ids.</param>
    /// <param name="exampleShape">One example's shape: [C, H, W] for images, [-1] for token sequences.</param>
    /// <param name="classCount">Number of classes (logits per example).</param>
    /// <param name="vocabulary">Token networks: ids must lie in [0, vocabulary); 0 for dense networks.</param>
    /// <param name="minLength">Token networks: shorter sequences are right-padded with 0 to this length.</param>
    protected ClassifierNetwork(string name, string architecture, ModelInputKind inputKind, long[] exampleShape,
                                int classCount, long vocabulary = 0, long minLength = 1)
        : base(name)
    {
        Architecture = architecture;
        InputKind = inputKind;
        this.exampleShape = [.. exampleShape];
        ClassCount = classCount;
        Vocabulary = vocabulary;
        MinLength = minLength;
    }

    /// <summary>The zoo name of the network.</summary>
    public string Architecture { get; }

    /// <summary>What the network consumes.</summary>
    public ModelInputKind InputKind { get; }

    /// <summary>One example's input shape (a copy): [C, H, W] for images, [-1] for token sequences.</summary>
    public long[] ExampleShape => [.. exampleShape];

    /// <summary>Number of classes, i.e. logits per example.</summary>
    public int ClassCount { get; }

    /// <summary>Token networks: number of token ids (ids lie in [0, Vocabulary)); 0 for dense networks.</summary>
    public long Vocabulary { get; }

    /// <summary>Token networks: the shortest sequence the network can take (TextCNN's widest window); 1 otherwise.</summary>
    public long MinLength { get; }

    /// <summary>Checks that <paramref name="inputs"/> is a float32 batch [N, C, H, W] of this network's example shape.</summary>
    /// <param name="inputs">The batch.</param>
    /// <exception cref="ArgumentException">The network takes token ids, or the dtype or shape does not match.</exception>
    public void CheckInputs(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (InputKind != ModelInputKind.Dense)
        {
            throw new ArgumentException($"architecture '{Architecture}' takes token ids, not float inputs");
        }
        var shape = inputs.shape;
        var matches = shape.Length == exampleShape.Length + 1 && shape[0] >= 1 && shape.AsSpan(1).SequenceEqual(exampleShape);
        if (!matches)
        {
            throw new ArgumentException(
                $"input shape {ShapeText(shape)} does not match the model's input [N{string.Concat(exampleShape.Select(d => ", " + Format(d)))}]");
        }
        if (inputs.dtype != ScalarType.Float32) throw new ArgumentException($"inputs must be float32, not {inputs.dtype}");
    }

    /// <summary>
    /// Checks a token batch and pads it for this network: <paramref name="tokens"/> must be int64 [N, L] with
    /// N, L ≥ 1 and every id in [0, <see cref="Vocabulary"/>); a batch shorter than <see cref="MinLength"/> is
    /// right-padded with 0 to [N, MinLength], as the native model did.
    /// </summary>
    /// <param name="tokens">The token ids; not modified.</param>
    /// <returns>
    /// A new tensor the caller owns (dispose it, or let a dispose scope do so): the padded copy, or else an alias
    /// of <paramref name="tokens"/> sharing its storage.
    /// </returns>
    /// <exception cref="ArgumentException">The network takes float inputs, or the shape, dtype or an id is wrong.</exception>
    public Tensor PrepareTokens(Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (InputKind != ModelInputKind.Tokens)
        {
            throw new ArgumentException($"architecture '{Architecture}' takes float inputs, not token ids");
        }
        var shape = tokens.shape;
        if (shape.Length != 2 || shape[0] < 1 || shape[1] < 1)
        {
            throw new ArgumentException($"token shape {ShapeText(shape)} must be [N, L] with N, L >= 1");
        }
        if (tokens.dtype != ScalarType.Int64) throw new ArgumentException($"token ids must be int64, not {tokens.dtype}");
        using (var scope = torch.NewDisposeScope())
        {
            var outside = tokens.lt(0).logical_or_(tokens.ge(Vocabulary)).flatten();
            if (outside.any().item<bool>())
            {
                var index = outside.nonzero()[0, 0].item<long>();
                var id = tokens.flatten()[index].item<long>();
                throw new ArgumentException(
                    $"token id {Format(id)} of example {Format(index / shape[1])} (position {Format(index % shape[1])}) " +
                    $"is outside the vocabulary [0, {Format(Vocabulary)})");
            }
        }
        return shape[1] < MinLength
            ? nn.functional.pad(tokens, [0, MinLength - shape[1]], PaddingModes.Constant, 0)
            : tokens.alias();
    }

    /// <summary>Checks that <paramref name="labels"/> is an int64 vector whose entries lie in [0, <see cref="ClassCount"/>).</summary>
    /// <param name="labels">One class index per example.</param>
    /// <exception cref="ArgumentException">The dtype or rank is wrong, or a label is outside the class range.</exception>
    public void CheckLabels(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1)
        {
            throw new ArgumentException($"labels must be an int64 vector, not {labels.dtype} {ShapeText(labels.shape)}");
        }
        using var scope = torch.NewDisposeScope();
        var outside = labels.lt(0).logical_or_(labels.ge(ClassCount));
        if (!outside.any().item<bool>()) return;
        var position = outside.nonzero()[0, 0].item<long>();
        throw new ArgumentException(
            $"label {Format(labels[position].item<long>())} at batch position {Format(position)} is outside [0, {Format(ClassCount)})");
    }

    private static string ShapeText(long[] shape) => $"[{string.Join(", ", shape.Select(Format))}]";

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
