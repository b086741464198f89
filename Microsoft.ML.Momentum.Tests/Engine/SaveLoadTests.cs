using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Engine;

[TestClass]
public sealed class SaveLoadTests
{
    [TestMethod]
    public void SaveThenLoadIntoAFreshModelGivesIdenticalLogits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"momentum-weights-{Guid.NewGuid():N}.pt");
        try
        {
            using var trained = TorchModel.Create(TinyProblems.TinyCnn, seed: 31);
            var optimizer = new SgdMomentum { LearningRate = 0.05 };
            for (var step = 0; step < 5; step++)
            {
                var (x, y) = TinyProblems.Batch(trained, 8, step);
                var result = trained.TrainStep(x, y);
                optimizer.Step(trained.Parameters.AsSpan(), trained.Gradients.AsSpan(), result.Loss);
            }
            trained.Save(path);

            using var restored = TorchModel.Create(TinyProblems.TinyCnn, seed: 99);
            var (inputs, _) = TinyProblems.Batch(trained, 6, seed: 100);
            CollectionAssert.AreNotEqual(trained.Forward(inputs), restored.Forward(inputs), "another seed must start elsewhere");
            restored.Load(path);
            CollectionAssert.AreEqual(trained.Forward(inputs), restored.Forward(inputs));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LoadingWeightsOfAnotherArchitectureNamesBothSizes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"momentum-weights-{Guid.NewGuid():N}.pt");
        try
        {
            using (var mlp = TorchModel.Create(TinyProblems.TinyMlp)) mlp.Save(path);
            using var cnn = TorchModel.Create(TinyProblems.TinyCnn);
            var before = cnn.Parameters.ToArray();
            var error = Assert.ThrowsExactly<InvalidDataException>(() => cnn.Load(path));
            StringAssert.Contains(error.Message, "holds 53 parameters; this 'cnn' model has 932");
            CollectionAssert.AreEqual(before, cnn.Parameters.ToArray(), "a failed load must not change the weights");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LoadingAMissingOrCorruptFileIsAnErrorNamingThePath()
    {
        using var model = TorchModel.Create(TinyProblems.TinyMlp);
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pt");
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => model.Load(missing));
        StringAssert.Contains(error.Message, missing);

        var corrupt = Path.GetTempFileName();
        try
        {
            File.WriteAllText(corrupt, "not a weights file");
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => model.Load(corrupt)).Message, corrupt);
            using (var other = TorchModel.Create(TinyProblems.TinyMlp)) other.Save(corrupt);
            File.WriteAllBytes(corrupt, File.ReadAllBytes(corrupt)[..100]);
            var before = model.Parameters.ToArray();
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => model.Load(corrupt)).Message, "is truncated");
            CollectionAssert.AreEqual(before, model.Parameters.ToArray(), "a failed load must not change the weights");
        }
        finally
        {
            File.Delete(corrupt);
        }
    }
}
