using System.Globalization;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Builds the zoo network a <see cref="NetworkSpec"/> names: reads and range-checks its options, applies the
/// architecture's own checks, builds the network and then rejects any option the architecture did not read — the
/// order, checks and messages of the native <c>create_network</c>. Parameters are initialised from TorchSharp's
/// global generator; seed it (<c>torch.manual_seed</c>) first for a reproducible network.
/// </summary>
internal static class NetworkFactory
{
    /// <summary>The architectures the zoo knows, in the order the error message lists them.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["mlp", "cnn", "resnet", "embedding_bag", "textcnn", "transformer"];

    /// <summary>Builds the network of <paramref name="spec"/>; the caller owns (and disposes) it.</summary>
    /// <param name="spec">Architecture and options.</param>
    /// <returns>The network, in training mode, on the CPU.</returns>
    /// <exception cref="ArgumentException">The architecture is unknown, or an option is unknown, malformed or invalid.</exception>
    public static ClassifierNetwork Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = new NetworkOptionReader(spec.Architecture, spec.Options);
        ClassifierNetwork network = spec.Architecture switch
        {
            "mlp" => CreateMlp(options),
            "cnn" => CreateCnn(options),
            "resnet" => CreateResNet(options),
            "embedding_bag" => CreateBagClassifier(options),
            "textcnn" => CreateTextCnn(options),
            "transformer" => CreateTransformer(options),
            _ => throw new ArgumentException(
                $"unknown architecture '{spec.Architecture}': expected one of {string.Join(", ", Architectures)}"),
        };
        try
        {
            options.RejectUnknown();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static Mlp CreateMlp(NetworkOptionReader options)
    {
        var input = ImageInput.Read(options);
        var hidden = options.Integers("hidden", [128], 1, 1 << 20);
        var dropout = options.Real("dropout", 0.0, 0.0, 0.99);
        return new Mlp(input, hidden, dropout);
    }

    private static SmallCnn CreateCnn(NetworkOptionReader options)
    {
        var input = ImageInput.Read(options);
        var filters = options.Integers("filters", [32, 64], 1, 4096);
        var hidden = options.Integer("hidden", 128, 1, 1 << 20);
        var dropout = options.Real("dropout", 0.0, 0.0, 0.99);
        long height = input.Height, width = input.Width;
        foreach (var _ in filters)
        {
            if (height < 2 || width < 2)
            {
                throw new ArgumentException(
                    $"architecture 'cnn': a {Format(input.Height)}x{Format(input.Width)} input is too small for {Format(filters.Length)} pooling stages");
            }
            height /= 2;
            width /= 2;
        }
        return new SmallCnn(input, filters, hidden, dropout);
    }

    private static ResNet CreateResNet(NetworkOptionReader options)
    {
        var input = ImageInput.Read(options);
        var depth = options.Integer("depth", 20, 8, 1202);
        var width = options.Integer("base_width", 16, 1, 1024);
        if ((depth - 2) % 6 != 0)
        {
            throw new ArgumentException(
                $"model option 'depth' for architecture 'resnet' is '{Format(depth)}': expected 6n+2 (8, 14, 20, 32, 44, 56, 110, ...)");
        }
        return new ResNet(input, width, (depth - 2) / 6);
    }

    private static BagClassifier CreateBagClassifier(NetworkOptionReader options)
    {
        var input = TextInput.Read(options, 64);
        var dropout = options.Real("dropout", 0.0, 0.0, 0.99);
        return new BagClassifier(input, dropout);
    }

    private static TextCnn CreateTextCnn(NetworkOptionReader options)
    {
        var input = TextInput.Read(options, 128);
        var widths = options.Integers("widths", [3, 4, 5], 1, 64);
        var filters = options.Integer("filters", 100, 1, 1 << 16);
        var dropout = options.Real("dropout", 0.5, 0.0, 0.99);
        return new TextCnn(input, widths, filters, dropout);
    }

    private static TextTransformer CreateTransformer(NetworkOptionReader options)
    {
        var input = TextInput.Read(options, 128);
        var layers = options.Integer("layers", 2, 1, 48);
        var heads = options.Integer("heads", 4, 1, 256);
        var feedForward = options.Integer("feed_forward", 4 * input.Dim, 1, 1 << 20);
        var maxLength = options.Integer("max_length", 512, 1, 1 << 20);
        var dropout = options.Real("dropout", 0.1, 0.0, 0.99);
        if (input.Dim % heads != 0)
        {
            throw new ArgumentException(
                $"architecture 'transformer': dim {Format(input.Dim)} is not divisible by heads {Format(heads)}");
        }
        return new TextTransformer(input, layers, heads, feedForward, maxLength, dropout);
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
