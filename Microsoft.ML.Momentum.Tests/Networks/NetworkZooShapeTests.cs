using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.Networks;

/// <summary>The TorchSharp model zoo against the native zoo it ports: sizes, shapes, names, initialisation, errors.</summary>
[TestClass]
public sealed class NetworkZooShapeTests
{
    // Parameter counts of the native zoo, worked out from its layer shapes (weights + biases; BatchNorm: γ and β).
    private static readonly (string Name, NetworkSpec Spec, long Parameters)[] Zoo =
    [
        // 6 → 5 → 3 (the engine tests' TinyMlp; FlatBufferTests states the same count).
        ("mlp tiny", NetworkSpec.Mlp(1, 2, 3, 3, 5), 5L * 6 + 5 + 3 * 5 + 3),
        // Defaults: 784 → 128 → 10.
        ("mlp defaults", new NetworkSpec("mlp", new Dictionary<string, string>()), 784L * 128 + 128 + 128 * 10 + 10),
        // 3·8·8 = 192 → 256 → 64 → 4 with dropout layers (no parameters).
        ("mlp two hidden, dropout", NetworkSpec.Mlp(3, 8, 8, 4, 256, 64).With("dropout", "0.2"),
            192L * 256 + 256 + 256 * 64 + 64 + 64 * 4 + 4),
        // Convs 1→4, 4→8 (3×3), 8×8 → 2×2 after two pools, 32 → 16 → 4 (the engine tests' TinyCnn).
        ("cnn tiny", NetworkSpec.SmallCnn(1, 8, 8, 4, [4, 8], 16), (1L * 4 * 9 + 4) + (4 * 8 * 9 + 8) + (32 * 16 + 16) + (16 * 4 + 4)),
        // Defaults: convs 1→32, 32→64, 28 → 7, 3136 → 128 → 10 (the classic 421,642).
        ("cnn defaults", new NetworkSpec("cnn", new Dictionary<string, string>()),
            (1L * 32 * 9 + 32) + (32 * 64 * 9 + 64) + (64 * 7 * 7 * 128 + 128) + (128 * 10 + 10)),
        // Odd sizes: 7×5 → 3×2 after one pool; dropout before the head.
        ("cnn odd input, dropout", NetworkSpec.SmallCnn(3, 7, 5, 3, [6], 10).With("dropout", "0.5"),
            (3L * 6 * 9 + 6) + (6 * 3 * 2 * 10 + 10) + (10 * 3 + 3)),
        // Depth 8 (one block per stage), widths 4, 8, 16: stem 108 + 8; blocks 304, 944, 3680; head 68.
        ("resnet depth 8", NetworkSpec.ResNet(3, 8, 8, 4, depth: 8, baseWidth: 4), 116L + 304 + 944 + 3680 + 68),
        // ResNet-20 on CIFAR-10 with projection shortcuts: 464 + 14016 + 51648 + 205696 + 650.
        ("resnet-20", NetworkSpec.ResNet(3, 32, 32, 10), 272_474L),
        ("embedding_bag small", NetworkSpec.EmbeddingBag(50, 3, 16), 50L * 16 + 16 * 3 + 3),
        ("embedding_bag defaults", new NetworkSpec("embedding_bag", new Dictionary<string, string> { ["vocabulary"] = "1000" }),
            1000L * 64 + 64 * 2 + 2),
        ("textcnn small", NetworkSpec.TextCnn(50, 3, 16, [2, 3], 8).With("dropout", "0"),
            50L * 16 + (16 * 8 * 2 + 8) + (16 * 8 * 3 + 8) + (16 * 3 + 3)),
        ("textcnn defaults", new NetworkSpec("textcnn", new Dictionary<string, string> { ["vocabulary"] = "1000" }),
            1000L * 128 + 128 * 100 * (3 + 4 + 5) + 3 * 100 + (300 * 2 + 2)),
        // Embeddings 800 + positions 256; one layer: in_proj 768 + 48, out_proj 256 + 16, 16→64→16 1088 + 1040, norms 64.
        ("transformer small", NetworkSpec.Transformer(50, 3, 16, layers: 1, heads: 2, maxLength: 16).With("dropout", "0"),
            800L + 256 + (768 + 48 + 256 + 16 + 1088 + 1040 + 64) + (16 * 3 + 3)),
        ("transformer feed_forward", NetworkSpec.Transformer(20, 2, 8, layers: 3, heads: 2, maxLength: 8).With("feed_forward", "5"),
            20L * 8 + 8 * 8 + 3 * ((3 * 8 * 8 + 24) + (64 + 8) + (5 * 8 + 5) + (8 * 5 + 8) + 4 * 8) + (8 * 2 + 2)),
        // Defaults: dim 128, 2 layers, 4 heads, feed-forward 512, 512 positions.
        ("transformer defaults", new NetworkSpec("transformer", new Dictionary<string, string> { ["vocabulary"] = "1000" }),
            1000L * 128 + 512 * 128 + 2 * ((3 * 128 * 128 + 384) + (128 * 128 + 128) + (512 * 128 + 512) + (128 * 512 + 128) + 4 * 128)
            + (128 * 2 + 2)),
    ];

    // Specs the factory must reject, with the native zoo's message.
    private static readonly (NetworkSpec Spec, string Message)[] Invalid =
    [
        (new NetworkSpec("transformer9", new Dictionary<string, string>()),
            "unknown architecture 'transformer9': expected one of mlp, cnn, resnet, embedding_bag, textcnn, transformer"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("hiden", "3"),
            "unknown model option 'hiden' for architecture 'mlp' (valid options: channels, classes, dropout, height, hidden, width)"),
        (NetworkSpec.EmbeddingBag(10, 2).With("widths", "3"),
            "unknown model option 'widths' for architecture 'embedding_bag' (valid options: classes, dim, dropout, vocabulary)"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("classes", "1"),
            "model option 'classes' for architecture 'mlp' is '1': expected an integer in [2, 1000000]"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("channels", "0x2"),
            "model option 'channels' for architecture 'mlp' is '0x2': expected an integer in [1, 64]"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("width", "99999999999999999999"),
            "model option 'width' for architecture 'mlp' is '99999999999999999999': expected an integer in [1, 4096]"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("dropout", "abc"),
            "model option 'dropout' for architecture 'mlp' is 'abc': expected a number"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("dropout", "1e400"),
            "model option 'dropout' for architecture 'mlp' is '1e400': expected a number"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("dropout", "1.5"),
            "model option 'dropout' for architecture 'mlp' is '1.5': expected a number in [0.000000, 0.990000]"),
        (NetworkSpec.Mlp(1, 2, 3, 3, 5).With("dropout", "nan"),
            "model option 'dropout' for architecture 'mlp' is 'nan': expected a number in [0.000000, 0.990000]"),
        (NetworkSpec.Mlp(1, 2, 3, 3).With("hidden", "3,,4"),
            "model option 'hidden' for architecture 'mlp' is '3,,4': expected a comma-separated list of integers in [1, 1048576]"),
        (NetworkSpec.Mlp(1, 2, 3, 3).With("hidden", ""),
            "model option 'hidden' for architecture 'mlp' is '': expected at least one integer"),
        (NetworkSpec.SmallCnn(1, 4, 4, 2, [8, 8, 8]),
            "architecture 'cnn': a 4x4 input is too small for 3 pooling stages"),
        (NetworkSpec.ResNet(3, 8, 8, 4, depth: 21),
            "model option 'depth' for architecture 'resnet' is '21': expected 6n+2 (8, 14, 20, 32, 44, 56, 110, ...)"),
        (NetworkSpec.ResNet(3, 8, 8, 4, depth: 2),
            "model option 'depth' for architecture 'resnet' is '2': expected an integer in [8, 1202]"),
        (new NetworkSpec("textcnn", new Dictionary<string, string> { ["classes"] = "3" }),
            "text architectures need the model option 'vocabulary' (number of token ids)"),
        (NetworkSpec.TextCnn(50, 3, widths: [3, 65]),
            "model option 'widths' for architecture 'textcnn' is '3,65': expected a comma-separated list of integers in [1, 64]"),
        (NetworkSpec.Transformer(50, 3, 10, heads: 4),
            "architecture 'transformer': dim 10 is not divisible by heads 4"),
        (new NetworkSpec("embedding_bag", new Dictionary<string, string> { ["vocabulary"] = "10", ["dim"] = "8", [" dim"] = "9" }),
            "model option 'dim' is given twice for architecture 'embedding_bag'"),
    ];

    public static IEnumerable<object[]> ZooNetworks => Zoo.Select(row => new object[] { row.Name });

    public static IEnumerable<object[]> OptionErrors => Invalid.Select(row => new object[] { row.Message });

    [TestMethod]
    [DynamicData(nameof(ZooNetworks))]
    public void ParameterCountMatchesTheNativeZoo(string name)
    {
        var (_, spec, expected) = Zoo.Single(row => row.Name == name);
        using var network = NetworkFactory.Create(spec);
        Assert.AreEqual(expected, network.parameters().Sum(p => p.numel()), name);
    }

    [TestMethod]
    [DynamicData(nameof(ZooNetworks))]
    public void ForwardGivesOneLogitPerClassAndLeavesOnlyItsResult(string name)
    {
        var spec = Zoo.Single(row => row.Name == name).Spec;
        torch.manual_seed(3);
        using var network = NetworkFactory.Create(spec);
        network.eval();
        using var scope = torch.NewDisposeScope();
        var input = network.InputKind == ModelInputKind.Dense
            ? torch.randn([2, .. network.ExampleShape])
            : network.PrepareTokens(torch.randint(0, network.Vocabulary, [2, 7], ScalarType.Int64));
        using (torch.no_grad())
        {
            var before = scope.DisposablesCount;
            var logits = network.call(input);
            Assert.AreEqual(before + 1, scope.DisposablesCount, $"{name}: forward must dispose its temporaries");
            CollectionAssert.AreEqual(new long[] { 2, network.ClassCount }, logits.shape, name);
            Assert.IsTrue(logits.isfinite().all().item<bool>(), name);
        }
    }

    [TestMethod]
    [DynamicData(nameof(ZooNetworks))]
    public void BackwardReachesEveryParameter(string name)
    {
        var spec = Zoo.Single(row => row.Name == name).Spec;
        torch.manual_seed(4);
        using var network = NetworkFactory.Create(spec);
        using var scope = torch.NewDisposeScope();
        var input = network.InputKind == ModelInputKind.Dense
            ? torch.randn([3, .. network.ExampleShape])
            : network.PrepareTokens(torch.randint(1, network.Vocabulary, [3, 6], ScalarType.Int64));
        var labels = torch.tensor(new long[] { 0, 1, 1 });
        network.CheckLabels(labels);
        nn.functional.cross_entropy(network.call(input), labels).backward();
        foreach (var (parameter, p) in network.named_parameters()) Assert.IsNotNull(p.grad, $"{name}: {parameter}");
    }

    [TestMethod]
    [DynamicData(nameof(OptionErrors))]
    public void InvalidOptionsAreReportedAsTheNativeZooDid(string message)
    {
        var spec = Invalid.Single(row => row.Message == message).Spec;
        var error = Assert.ThrowsExactly<ArgumentException>(() => NetworkFactory.Create(spec).Dispose());
        Assert.AreEqual(message, error.Message);
    }

    [TestMethod]
    public void OptionTextIsParsedAsTheNativeZooDid()
    {
        var missing = Assert.ThrowsExactly<ArgumentException>(() => NetworkOptionReader.Parse("mlp", "hidden=3; dropout"));
        Assert.AreEqual("model option 'dropout' for architecture 'mlp' has no '=value'", missing.Message);
        var twice = Assert.ThrowsExactly<ArgumentException>(() => NetworkOptionReader.Parse("mlp", "hidden=3;hidden = 4"));
        Assert.AreEqual("model option 'hidden' is given twice for architecture 'mlp'", twice.Message);

        var options = NetworkOptionReader.Parse("mlp", " ; hidden = 3, 4 ,;dropout=0x1p-2;height=+7;;");
        CollectionAssert.AreEqual(new long[] { 3, 4 }, options.Integers("hidden", [128], 1, 1 << 20));
        Assert.AreEqual(0.25, options.Real("dropout", 0, 0, 0.99));
        Assert.AreEqual(7L, options.Integer("height", 28, 1, 4096));
        Assert.AreEqual(28L, options.Integer("width", 28, 1, 4096));
        CollectionAssert.AreEqual(new long[] { 32, 64 }, options.Integers("filters", [32, 64], 1, 4096));
        options.RejectUnknown();
        Assert.AreEqual(0.5, NetworkOptionReader.Parse("mlp", "dropout=.5").Real("dropout", 0, 0, 0.99));
        Assert.AreEqual(0.1, NetworkOptionReader.Parse("mlp", "dropout=1e-1").Real("dropout", 0, 0, 0.99));
        var tail = Assert.ThrowsExactly<ArgumentException>(() => NetworkOptionReader.Parse("mlp", "dropout=0.5x").Real("dropout", 0, 0, 0.99));
        Assert.AreEqual("model option 'dropout' for architecture 'mlp' is '0.5x': expected a number", tail.Message);
    }

    [TestMethod]
    public void NumbersAreReadAsStollAndStodReadThem()
    {
        Assert.IsTrue(CNumberSyntax.TryParseInteger(" \n-12", out var integer));
        Assert.AreEqual(-12L, integer);
        Assert.IsTrue(CNumberSyntax.TryParseInteger("-9223372036854775808", out integer));
        Assert.AreEqual(long.MinValue, integer);
        foreach (var bad in new[] { "", "+", "12 ", "1.0", "0x10", "9223372036854775808", "- 1" })
        {
            Assert.IsFalse(CNumberSyntax.TryParseInteger(bad, out _), bad);
        }

        (string Text, double Value)[] reals =
        [
            ("\t1.5", 1.5), ("1.", 1), (".25", 0.25), ("-0", 0), ("2E3", 2000), ("0x1.8p1", 3), ("0XAp-1", 5),
            ("INFINITY", double.PositiveInfinity), ("-inf", double.NegativeInfinity), ("nan(123)", double.NaN),
        ];
        foreach (var (text, value) in reals)
        {
            Assert.IsTrue(CNumberSyntax.TryParseReal(text, out var parsed), text);
            Assert.AreEqual(value, parsed, text);
        }
        foreach (var bad in new[] { "", ".", "1e", "1e+", "0x", "0x1p", "1.5 ", "1e400", "1e-310", "nanx", "infinit" })
        {
            Assert.IsFalse(CNumberSyntax.TryParseReal(bad, out _), bad);
        }
    }

    [TestMethod]
    public void ModulesAreNamedAndOrderedAsInTheNativeZoo()
    {
        CollectionAssert.AreEqual(new[] { "1.weight", "1.bias", "3.weight", "3.bias" }, Names(NetworkSpec.Mlp(1, 2, 3, 3, 5)));
        CollectionAssert.AreEqual(
            new[] { "0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias" },
            Names(NetworkSpec.SmallCnn(1, 8, 8, 4, [4, 8], 16)));
        CollectionAssert.AreEqual(new[] { "bag.weight", "head.weight", "head.bias" }, Names(NetworkSpec.EmbeddingBag(50, 3, 16)));
        CollectionAssert.AreEqual(
            new[]
            {
                "embedding.weight", "convolutions.0.weight", "convolutions.0.bias", "convolutions.1.weight", "convolutions.1.bias",
                "head.weight", "head.bias",
            },
            Names(NetworkSpec.TextCnn(50, 3, 16, [2, 3], 8)));

        var transformer = Names(NetworkSpec.Transformer(50, 3, 16, layers: 2, heads: 2, maxLength: 16));
        CollectionAssert.AreEqual(
            new[] { "embedding.weight", "positions.weight", "encoder.layers.0.self_attn.in_proj_weight" }, transformer[..3]);
        CollectionAssert.AreEqual(new[] { "encoder.layers.1.norm2.bias", "head.weight", "head.bias" }, transformer[^3..]);

        using var resnet = NetworkFactory.Create(NetworkSpec.ResNet(3, 8, 8, 4, depth: 8, baseWidth: 4));
        var names = resnet.named_parameters().Select(p => p.name).ToArray();
        CollectionAssert.AreEqual(
            new[] { "stem.0.weight", "stem.1.weight", "stem.1.bias", "stages.0.conv1.weight", "stages.0.bn1.weight" }, names[..5]);
        CollectionAssert.Contains(names, "stages.1.shortcut.0.weight");
        CollectionAssert.DoesNotContain(names, "stages.0.shortcut.0.weight");
        CollectionAssert.AreEqual(new[] { "head.weight", "head.bias" }, names[^2..]);
        var buffers = resnet.named_buffers().Select(b => b.name).ToArray();
        CollectionAssert.Contains(buffers, "stem.1.running_mean");
        CollectionAssert.Contains(buffers, "stages.2.shortcut.1.num_batches_tracked");
    }

    [TestMethod]
    public void ExplicitInitialisationsAreThoseOfTheNativeZoo()
    {
        torch.manual_seed(5);
        using var scope = torch.NewDisposeScope();
        using var bag = NetworkFactory.Create(NetworkSpec.EmbeddingBag(50, 3, 16));
        var bagWeight = bag.get_parameter("bag.weight")!;
        Assert.AreEqual(0f, bagWeight[0].abs().max().item<float>());
        Assert.IsLessThanOrEqualTo(1.0f / 16, bagWeight.abs().max().item<float>());
        Assert.IsGreaterThan(0.5f / 16, bagWeight.abs().max().item<float>());
        Assert.AreEqual(0f, bag.get_parameter("head.weight")!.abs().sum().item<float>());
        Assert.AreEqual(0f, bag.get_parameter("head.bias")!.abs().sum().item<float>());

        using var cnn = NetworkFactory.Create(NetworkSpec.TextCnn(50, 3, 16, [2, 3], 8));
        var cnnWeight = cnn.get_parameter("embedding.weight")!;
        Assert.AreEqual(0f, cnnWeight[0].abs().max().item<float>());
        Assert.IsLessThanOrEqualTo(0.05f, cnnWeight.abs().max().item<float>());
        Assert.IsGreaterThan(0.04f, cnnWeight.abs().max().item<float>());

        // libtorch's TransformerEncoder clones one layer, so every layer starts from the same weights.
        using var transformer = NetworkFactory.Create(NetworkSpec.Transformer(50, 3, 16, layers: 2, heads: 2, maxLength: 16));
        Assert.IsTrue(transformer.get_parameter("encoder.layers.0.linear1.weight")!
            .eq(transformer.get_parameter("encoder.layers.1.linear1.weight")!).all().item<bool>());
        Assert.AreEqual(0f, transformer.get_parameter("embedding.weight")![0].abs().max().item<float>());
    }

    [TestMethod]
    public void NetworksDescribeTheirInputs()
    {
        using var cnn = NetworkFactory.Create(NetworkSpec.SmallCnn(3, 7, 5, 3, [6], 10));
        Assert.AreEqual(ModelInputKind.Dense, cnn.InputKind);
        CollectionAssert.AreEqual(new long[] { 3, 7, 5 }, cnn.ExampleShape);
        Assert.AreEqual(3, cnn.ClassCount);
        Assert.AreEqual("cnn", cnn.Architecture);

        using var text = NetworkFactory.Create(NetworkSpec.TextCnn(20, 2, 8, [3, 5], 4));
        Assert.AreEqual(ModelInputKind.Tokens, text.InputKind);
        CollectionAssert.AreEqual(new long[] { -1 }, text.ExampleShape);
        Assert.AreEqual(20L, text.Vocabulary);
        Assert.AreEqual(5L, text.MinLength);
        Assert.AreEqual(2, text.ClassCount);

        using var transformer = NetworkFactory.Create(NetworkSpec.Transformer(20, 2, 8, layers: 1, heads: 2, maxLength: 8));
        Assert.AreEqual(1L, transformer.MinLength);
    }

    [TestMethod]
    public void ShortTextCnnSequencesArePaddedToTheWidestWindow()
    {
        torch.manual_seed(6);
        using var network = NetworkFactory.Create(NetworkSpec.TextCnn(20, 2, 8, [3, 5], 4));
        using var scope = torch.NewDisposeScope();
        var tokens = torch.tensor(new long[] { 1, 2, 3, 0 }, 2, 2);
        var padded = network.PrepareTokens(tokens);
        CollectionAssert.AreEqual(new long[] { 2, 5 }, padded.shape);
        CollectionAssert.AreEqual(new long[] { 1, 2, 0, 0, 0, 3, 0, 0, 0, 0 }, padded.data<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 0 }, tokens.data<long>().ToArray(), "the input must not change");
        var loss = nn.functional.cross_entropy(network.call(padded), torch.tensor(new long[] { 0, 1 }));
        Assert.IsTrue(double.IsFinite(loss.item<float>()));

        var longEnough = network.PrepareTokens(torch.ones(1, 6, ScalarType.Int64));
        CollectionAssert.AreEqual(new long[] { 1, 6 }, longEnough.shape);
    }

    [TestMethod]
    public void TransformerHandlesAllPaddingRowsAndRejectsTooLongSequences()
    {
        torch.manual_seed(7);
        using var network = NetworkFactory.Create(NetworkSpec.Transformer(20, 2, 8, layers: 1, heads: 2, maxLength: 8));
        network.eval();
        using var scope = torch.NewDisposeScope();
        var tokens = network.PrepareTokens(torch.tensor(new long[] { 0, 0, 0, 5, 6, 7 }, 2, 3));
        using (torch.no_grad())
        {
            var logits = network.call(tokens);
            Assert.IsTrue(logits.isfinite().all().item<bool>(), Text(logits));
            Assert.IsTrue(logits.eq(network.call(tokens)).all().item<bool>(), "evaluation mode must not drop out");
        }
        var tooLong = Assert.ThrowsExactly<ArgumentException>(() => network.call(torch.zeros(1, 9, ScalarType.Int64)));
        Assert.AreEqual("token sequence of length 9 exceeds the transformer's max_length 8", tooLong.Message);
    }

    [TestMethod]
    public void PaddingDoesNotChangeTheBagOrTransformerOutput()
    {
        // Padding is excluded from the bag's mean and masked (and left out of the mean) in the transformer, so
        // extra trailing padding must not change the logits; this also checks the encoder sees [L, N, dim].
        foreach (var spec in new[]
                 {
                     NetworkSpec.EmbeddingBag(20, 3, 8).With("dropout", "0"),
                     NetworkSpec.Transformer(20, 3, 8, layers: 2, heads: 2, maxLength: 8),
                 })
        {
            torch.manual_seed(8);
            using var network = NetworkFactory.Create(spec);
            network.eval();
            if (spec.Architecture == "embedding_bag")
            {
                using var noGrad = torch.no_grad();
                network.get_parameter("head.weight")!.normal_();  // the fastText head starts at zero
            }
            using var scope = torch.NewDisposeScope();
            using var inference = torch.no_grad();
            var shorter = network.call(torch.tensor(new long[] { 5, 6, 7, 0, 9, 0, 0, 0 }, 2, 4));
            var longer = network.call(torch.tensor(new long[] { 5, 6, 7, 0, 0, 0, 9, 0, 0, 0, 0, 0 }, 2, 6));
            Assert.IsTrue(shorter.allclose(longer, rtol: 1e-4, atol: 1e-5), $"{spec.Architecture}: {Text(shorter)} vs {Text(longer)}");
            Assert.IsGreaterThan(0f, shorter.abs().max().item<float>());
        }
    }

    [TestMethod]
    public void InputsTokensAndLabelsAreCheckedAsTheNativeModelDid()
    {
        using var scope = torch.NewDisposeScope();
        using var bag = NetworkFactory.Create(NetworkSpec.EmbeddingBag(10, 2, 4));
        var outside = Assert.ThrowsExactly<ArgumentException>(() => bag.PrepareTokens(torch.tensor(new long[] { 1, 2, 10, 3 }, 2, 2)));
        Assert.AreEqual("token id 10 of example 1 (position 0) is outside the vocabulary [0, 10)", outside.Message);
        var negative = Assert.ThrowsExactly<ArgumentException>(() => bag.PrepareTokens(torch.tensor(new long[] { 1, 2, 3, -1 }, 1, 4)));
        Assert.AreEqual("token id -1 of example 0 (position 3) is outside the vocabulary [0, 10)", negative.Message);
        var rank = Assert.ThrowsExactly<ArgumentException>(() => bag.PrepareTokens(torch.ones(4, ScalarType.Int64)));
        Assert.AreEqual("token shape [4] must be [N, L] with N, L >= 1", rank.Message);
        var dense = Assert.ThrowsExactly<ArgumentException>(() => bag.CheckInputs(torch.zeros(2, 2)));
        Assert.AreEqual("architecture 'embedding_bag' takes token ids, not float inputs", dense.Message);

        using var cnn = NetworkFactory.Create(NetworkSpec.SmallCnn(1, 28, 28, 10));
        var shape = Assert.ThrowsExactly<ArgumentException>(() => cnn.CheckInputs(torch.zeros(2, 3, 28, 28)));
        Assert.AreEqual("input shape [2, 3, 28, 28] does not match the model's input [N, 1, 28, 28]", shape.Message);
        cnn.CheckInputs(torch.zeros(2, 1, 28, 28));
        var tokens = Assert.ThrowsExactly<ArgumentException>(() => cnn.PrepareTokens(torch.ones(2, 2, ScalarType.Int64)));
        Assert.AreEqual("architecture 'cnn' takes float inputs, not token ids", tokens.Message);

        using var mlp = NetworkFactory.Create(NetworkSpec.Mlp(1, 2, 3, 3, 5));
        var label = Assert.ThrowsExactly<ArgumentException>(() => mlp.CheckLabels(torch.tensor(new long[] { 0, 3, 1 })));
        Assert.AreEqual("label 3 at batch position 1 is outside [0, 3)", label.Message);
        var below = Assert.ThrowsExactly<ArgumentException>(() => mlp.CheckLabels(torch.tensor(new long[] { -1, 0, 1 })));
        Assert.AreEqual("label -1 at batch position 0 is outside [0, 3)", below.Message);
        mlp.CheckLabels(torch.tensor(new long[] { 0, 2, 1 }));
    }

    private static string Text(Tensor t) => string.Join(", ", t.data<float>().ToArray());

    private static string[] Names(NetworkSpec spec)
    {
        using var network = NetworkFactory.Create(spec);
        return [.. network.named_parameters().Select(p => p.name)];
    }
}
