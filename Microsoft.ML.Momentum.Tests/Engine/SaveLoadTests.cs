using Microsoft.ML.Momentum.Engine;
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
            using var trained = NativeModel.Create(TinyProblems.TinyCnn, seed: 31);
            var optimizer = new SgdMomentum { LearningRate = 0.05 };
            for (var step = 0; step < 5; step++)
            {
                var (x, y) = TinyProblems.Batch(trained, 8, step);
                var result = trained.TrainStep(x, y);
                optimizer.Step(trained.Parameters.AsSpan(), trained.Gradients.AsSpan(), result.Loss);
            }
            trained.Save(path);

            using var restored = NativeModel.Create(TinyProblems.TinyCnn, seed: 99);
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
            using (var mlp = NativeModel.Create(TinyProblems.TinyMlp)) mlp.Save(path);
            using var cnn = NativeModel.Create(TinyProblems.TinyCnn);
            var before = cnn.Parameters.ToArray();
            var error = Assert.ThrowsExactly<ArgumentException>(() => cnn.Load(path));
            StringAssert.Contains(error.Message, "holds 53 parameters");
            CollectionAssert.AreEqual(before, cnn.Parameters.ToArray(), "a failed load must not change the weights");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LoadingAMissingOrCorruptFileIsAnIOErrorNamingThePath()
    {
        using var model = NativeModel.Create(TinyProblems.TinyMlp);
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pt");
        var error = Assert.ThrowsExactly<IOException>(() => model.Load(missing));
        StringAssert.Contains(error.Message, missing);

        var corrupt = Path.GetTempFileName();
        try
        {
            File.WriteAllText(corrupt, "not a weights file");
            StringAssert.Contains(Assert.ThrowsExactly<IOException>(() => model.Load(corrupt)).Message, corrupt);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }
}
