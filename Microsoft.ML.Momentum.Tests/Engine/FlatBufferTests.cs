using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class FlatBufferTests
{
    [TestMethod]
    public void ParameterBufferHoldsTheWeightsTheForwardUses()
    {
        // MLP 6 → 5 → 3: the flat buffer is W1[5×6], b1[5], W2[3×5], b2[3], so C# can recompute the logits.
        using var model = TorchModel.Create(TinyProblems.TinyMlp, seed: 7);
        Assert.AreEqual(5 * 6 + 5 + 3 * 5 + 3, model.ParameterCount);
        var (inputs, _) = TinyProblems.Batch(model, 4, seed: 8);
        var native = model.Forward(inputs);
        var expected = ManualForward(model.Parameters.ToArray(), inputs, batch: 4);
        for (var i = 0; i < native.Length; i++) Assert.AreEqual(expected[i], native[i], 1e-5, $"logit {i}");
    }

    [TestMethod]
    public void WritingTheParameterBufferChangesTheOutput()
    {
        using var model = TorchModel.Create(TinyProblems.TinyMlp, seed: 7);
        var (inputs, _) = TinyProblems.Batch(model, 2, seed: 9);
        var parameters = model.Parameters.AsSpan();
        parameters.Clear();
        parameters[^3] = 1.5f;  // the output biases are the last three floats
        parameters[^2] = -2f;
        parameters[^1] = 0.25f;
        CollectionAssert.AreEqual(new[] { 1.5f, -2f, 0.25f, 1.5f, -2f, 0.25f }, model.Forward(inputs));
    }

    [TestMethod]
    public void BufferAddressesStayStableAcrossTrainingSteps()
    {
        using var model = TorchModel.Create(TinyProblems.TinyCnn, seed: 1);
        var (inputs, labels) = TinyProblems.Batch(model, 4, seed: 2);
        var before = model.Gradients.ToArray();
        model.TrainStep(inputs, labels);
        var span = model.Gradients.AsSpan();
        Assert.IsTrue(span.ToArray().Zip(before).Any(p => p.First != p.Second), "the gradient buffer must receive the gradients");
        model.TrainStep(inputs, labels);
        Assert.IsTrue(span.ToArray().SequenceEqual(model.Gradients.ToArray()), "a span taken earlier must see later gradients");
    }

    [TestMethod]
    public void EveryParameterAndGradientIsAViewOfTheFlatBuffersAfterStepsAndAfterLoading()
    {
        using var model = TorchModel.Create(NetworkSpec.ResNet(1, 8, 8, 3, depth: 8, baseWidth: 4), seed: 5);
        var (inputs, labels) = TinyProblems.Batch(model, 4, seed: 6);
        for (var i = 0; i < 3; i++) model.TrainStep(inputs, labels);
        AssertViews(model);
        var file = Path.GetTempFileName();
        try
        {
            model.Save(file);
            model.Parameters.AsSpan().Clear();
            model.Load(file);
            AssertViews(model);
            model.TrainStep(inputs, labels);
            AssertViews(model);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertViews(TorchModel model)
    {
        var parameters = (long)model.Parameters.Address;
        var gradients = (long)model.Gradients.Address;
        long offset = 0;
        foreach (var p in model.Module.parameters())
        {
            using var grad = p.grad ?? throw new AssertFailedException("a parameter lost its gradient view");
            Assert.AreEqual(parameters + offset, AddressOf(p), "parameter storage");
            Assert.AreEqual(gradients + offset, AddressOf(grad), "gradient storage");
            offset += p.numel() * sizeof(float);
        }
        Assert.AreEqual(model.ParameterCount * sizeof(float), offset, "the views cover the whole buffer");
    }

    private static long AddressOf(global::TorchSharp.torch.Tensor t) => (long)HostMemory.AddressOf(t);

    private static float[] ManualForward(float[] p, float[] x, int batch)
    {
        const int inputs = 6, hidden = 5, classes = 3;
        var w1 = 0; var b1 = w1 + hidden * inputs; var w2 = b1 + hidden; var b2 = w2 + classes * hidden;
        var logits = new float[batch * classes];
        for (var n = 0; n < batch; n++)
        {
            var h = new double[hidden];
            for (var j = 0; j < hidden; j++)
            {
                double sum = p[b1 + j];
                for (var i = 0; i < inputs; i++) sum += p[w1 + j * inputs + i] * x[n * inputs + i];
                h[j] = Math.Max(sum, 0);
            }
            for (var k = 0; k < classes; k++)
            {
                double sum = p[b2 + k];
                for (var j = 0; j < hidden; j++) sum += p[w2 + k * hidden + j] * h[j];
                logits[n * classes + k] = (float)sum;
            }
        }
        return logits;
    }
}
