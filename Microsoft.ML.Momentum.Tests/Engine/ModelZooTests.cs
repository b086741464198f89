using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class ModelZooTests
{
    private static readonly Dictionary<string, NetworkSpec> TextSpecs = new()
    {
        ["embedding_bag"] = NetworkSpec.EmbeddingBag(50, 3, 16),
        ["textcnn"] = NetworkSpec.TextCnn(50, 3, 16, [2, 3], 8).With("dropout", "0"),
        ["transformer"] = NetworkSpec.Transformer(50, 3, 16, layers: 1, heads: 2, maxLength: 16).With("dropout", "0"),
    };

    public static IEnumerable<object[]> TextNetworks => TextSpecs.Keys.Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(TextNetworks))]
    public void TextNetworksFitATinyTokenBatch(string architecture)
    {
        var spec = TextSpecs[architecture];
        using var model = TorchModel.Create(spec, seed: 4);
        Assert.AreEqual(ModelInputKind.Tokens, model.InputKind);
        // Six sequences of length 5 (right-padded with 0), two per class, classes told apart by their tokens.
        long[] tokens =
        [
            2, 3, 4, 0, 0,   3, 4, 2, 5, 0,
            10, 11, 12, 13, 0,   11, 12, 0, 0, 0,
            20, 21, 22, 23, 24,   22, 20, 0, 0, 0,
        ];
        long[] labels = [0, 0, 1, 1, 2, 2];
        var optimizer = new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 };
        var first = model.TrainStepTokens(tokens, 5, labels);
        var last = first;
        for (var step = 0; step < 150; step++)
        {
            optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), last.Loss);
            last = model.TrainStepTokens(tokens, 5, labels);
        }
        Assert.IsLessThan(first.Loss / 10, last.Loss, $"{spec.Architecture}: loss {first.Loss} → {last.Loss}");
        Assert.AreEqual(6L, last.Correct);
        var logits = new float[6 * 3];
        model.IsTraining = false;
        model.ForwardTokens(tokens, 5, logits);
        Assert.IsTrue(logits.All(float.IsFinite));
    }

    [TestMethod]
    public void TokenIdsOutsideTheVocabularyAndDenseInputsAreRejected()
    {
        using var model = TorchModel.Create(NetworkSpec.EmbeddingBag(10, 2, 4));
        var error = Assert.ThrowsExactly<ArgumentException>(() => model.TrainStepTokens([1, 2, 10, 3], 2, [0, 1]));
        StringAssert.Contains(error.Message, "token id 10 of example 1 (position 0) is outside the vocabulary [0, 10)");
        var dense = Assert.ThrowsExactly<ArgumentException>(() => model.TrainStep(new float[4], [2, 2], [0, 1]));
        StringAssert.Contains(dense.Message, "takes token ids, not float inputs");
    }

    [TestMethod]
    public void ShortAndAllPaddingSequencesStayFinite()
    {
        // TextCNN's widest window is 5; sequences of length 2 are padded natively. The transformer must not
        // produce NaN for a row that is all padding.
        using var cnn = TorchModel.Create(NetworkSpec.TextCnn(20, 2, 8, [3, 5], 4));
        Assert.IsTrue(double.IsFinite(cnn.TrainStepTokens([1, 2, 3, 0], 2, [0, 1]).Loss));
        using var transformer = TorchModel.Create(NetworkSpec.Transformer(20, 2, 8, layers: 1, heads: 2, maxLength: 8));
        transformer.IsTraining = false;
        var logits = new float[4];
        transformer.ForwardTokens([0, 0, 0, 5, 6, 7], 3, logits);
        Assert.IsTrue(logits.All(float.IsFinite), string.Join(", ", logits));
        var tooLong = Assert.ThrowsExactly<ArgumentException>(() => transformer.ForwardTokens(new long[9], 9, new float[2]));
        StringAssert.Contains(tooLong.Message, "exceeds the transformer's max_length 8");
    }

    [TestMethod]
    public void ResNetTrainsAndItsBatchNormStatisticsSurviveSaveAndLoad()
    {
        var spec = NetworkSpec.ResNet(3, 8, 8, 4, depth: 8, baseWidth: 4);
        using var model = TorchModel.Create(spec, seed: 2);
        var (inputs, labels) = TinyProblems.Batch(model, 8, seed: 3);
        var optimizer = new SgdMomentum { LearningRate = 0.05 };
        var first = model.TrainStep(inputs, labels);
        for (var step = 0; step < 30; step++)
        {
            optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), 0);
            model.TrainStep(inputs, labels);
        }
        model.IsTraining = false;
        var trainedLogits = model.Forward(inputs);
        var path = Path.Combine(Path.GetTempPath(), $"resnet-{Guid.NewGuid():N}.pt");
        try
        {
            model.Save(path);
            using var restored = TorchModel.Create(spec, seed: 9);
            restored.Load(path);
            restored.IsTraining = false;
            CollectionAssert.AreEqual(trainedLogits, restored.Forward(inputs), "running statistics must be restored too");
        }
        finally
        {
            File.Delete(path);
        }
        model.IsTraining = true;
        Assert.IsLessThan(first.Loss, model.TrainStep(inputs, labels).Loss);
        var badDepth = Assert.ThrowsExactly<ArgumentException>(() => TorchModel.Create(NetworkSpec.ResNet(3, 8, 8, 4, depth: 21)));
        StringAssert.Contains(badDepth.Message, "expected 6n+2");
    }
}
