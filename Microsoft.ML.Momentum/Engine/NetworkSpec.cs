using System.Globalization;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// Names a network of the native model zoo and its options (input shape, classes, widths). The options
/// travel to the native side as "key=value;…"; an unknown key is rejected there with the key's name.
/// </summary>
internal sealed record NetworkSpec
{
    /// <summary>Creates a spec from an architecture name and its options.</summary>
    /// <param name="architecture">Zoo name, e.g. "mlp" or "cnn".</param>
    /// <param name="options">Architecture options (see the factory methods for the keys).</param>
    public NetworkSpec(string architecture, IReadOnlyDictionary<string, string> options)
    {
        Architecture = architecture;
        Options = new SortedDictionary<string, string>(options.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The zoo name of the network.</summary>
    public string Architecture { get; }

    /// <summary>The architecture options, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The options as the native side expects them.</summary>
    public string OptionsText => string.Join(';', Options.Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>A multi-layer perceptron over C×H×W inputs.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="hidden">Hidden layer widths (default one layer of 128).</param>
    public static NetworkSpec Mlp(int channels, int height, int width, int classes, params int[] hidden)
    {
        var options = ImageOptions(channels, height, width, classes);
        if (hidden.Length > 0) options["hidden"] = string.Join(',', hidden.Select(Invariant));
        return new NetworkSpec("mlp", options);
    }

    /// <summary>A small CNN: per filter count a 3×3 convolution, ReLU and 2×2 max-pool, then two linear layers.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="filters">Convolution widths (default 32, 64).</param>
    /// <param name="hidden">Width of the hidden linear layer (default 128).</param>
    public static NetworkSpec SmallCnn(int channels, int height, int width, int classes, int[]? filters = null, int? hidden = null)
    {
        var options = ImageOptions(channels, height, width, classes);
        if (filters is { Length: > 0 }) options["filters"] = string.Join(',', filters.Select(Invariant));
        if (hidden is not null) options["hidden"] = Invariant(hidden.Value);
        return new NetworkSpec("cnn", options);
    }

    /// <summary>A CIFAR-style ResNet (ResNet-20 by default): depth = 6n + 2, stage widths w, 2w, 4w, batch norm.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="depth">6n + 2 (default 20).</param>
    /// <param name="baseWidth">Width of the first stage (default 16).</param>
    public static NetworkSpec ResNet(int channels, int height, int width, int classes, int depth = 20, int baseWidth = 16)
    {
        var options = ImageOptions(channels, height, width, classes);
        options["depth"] = Invariant(depth);
        options["base_width"] = Invariant(baseWidth);
        return new NetworkSpec("resnet", options);
    }

    /// <summary>fastText-style text classifier: mean of word and n-gram embeddings, then a linear layer.</summary>
    /// <param name="vocabulary">Number of token ids (padding 0 and unknown included, n-gram buckets included).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="dimension">Embedding size (default 64).</param>
    public static NetworkSpec EmbeddingBag(int vocabulary, int classes, int dimension = 64) =>
        new("embedding_bag", TextOptions(vocabulary, classes, dimension));

    /// <summary>TextCNN: embeddings, one convolution per window width, max over time, linear.</summary>
    /// <param name="vocabulary">Number of token ids.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="dimension">Embedding size (default 128).</param>
    /// <param name="widths">Window widths (default 3, 4, 5).</param>
    /// <param name="filters">Filters per width (default 100).</param>
    public static NetworkSpec TextCnn(int vocabulary, int classes, int dimension = 128, int[]? widths = null, int filters = 100)
    {
        var options = TextOptions(vocabulary, classes, dimension);
        if (widths is { Length: > 0 }) options["widths"] = string.Join(',', widths.Select(Invariant));
        options["filters"] = Invariant(filters);
        return new NetworkSpec("textcnn", options);
    }

    /// <summary>A small Transformer encoder with learned positions and mean pooling.</summary>
    /// <param name="vocabulary">Number of token ids.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="dimension">Model width (default 128; divisible by <paramref name="heads"/>).</param>
    /// <param name="layers">Encoder layers (default 2).</param>
    /// <param name="heads">Attention heads (default 4).</param>
    /// <param name="maxLength">Longest sequence (default 512).</param>
    public static NetworkSpec Transformer(int vocabulary, int classes, int dimension = 128, int layers = 2, int heads = 4, int maxLength = 512)
    {
        var options = TextOptions(vocabulary, classes, dimension);
        options["layers"] = Invariant(layers);
        options["heads"] = Invariant(heads);
        options["max_length"] = Invariant(maxLength);
        return new NetworkSpec("transformer", options);
    }

    /// <summary>Returns a copy with one option set (or replaced).</summary>
    /// <param name="key">Option name.</param>
    /// <param name="value">Option value.</param>
    public NetworkSpec With(string key, string value)
    {
        var options = Options.ToDictionary();
        options[key] = value;
        return new NetworkSpec(Architecture, options);
    }

    private static Dictionary<string, string> ImageOptions(int channels, int height, int width, int classes) => new()
    {
        ["channels"] = Invariant(channels),
        ["height"] = Invariant(height),
        ["width"] = Invariant(width),
        ["classes"] = Invariant(classes),
    };

    private static Dictionary<string, string> TextOptions(int vocabulary, int classes, int dimension) => new()
    {
        ["vocabulary"] = Invariant(vocabulary),
        ["classes"] = Invariant(classes),
        ["dim"] = Invariant(dimension),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
