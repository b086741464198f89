using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.ML.Momentum.Tests.ImageTrainer;
using Microsoft.ML.Momentum.Tests.MLNet;
using Microsoft.ML.Momentum.Tests.TorchOptim;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>
/// A second Dispose does nothing (the IDisposable contract); any use after Dispose throws
/// <see cref="ObjectDisposedException"/>, never reaches freed native memory; disposal returns every tensor.
/// </summary>
[TestClass]
public sealed class DisposalTests
{
    [TestMethod]
    public void ATorchModelUsedAfterDisposeThrowsAndReturnsItsTensors()
    {
        var start = TorchRuntime.LiveTensorCount;
        var model = TorchModel.Create(NetworkSpec.ResNet(1, 8, 8, 4, depth: 8, baseWidth: 4), seed: 1);
        model.Forward(new float[64]);
        model.Dispose();
        model.Dispose();
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "tensors left after Dispose");
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Forward(new float[64]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.TrainStep(new float[64], [0L]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Save(Path.Combine(Path.GetTempPath(), "never-written.bin")));
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = model.Parameters.ToArray());
    }

    [TestMethod]
    public void AnMLNetModelUsedAfterDisposeThrowsThroughEveryScoringPath()
    {
        var ml = new MLContext(seed: 1);
        var rows = MLNetFixtures.ImageRows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadRawImageBytes("Image", null, nameof(ImageRow.ImagePath)))
            .Append(ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options { Trainer = MLNetFixtures.FastImages() }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));
        var chain = pipeline.Fit(data);
        var model = MLNetFixtures.Classifier<ImageClassificationModel>(chain).Model;
        using var engine = ml.Model.CreatePredictionEngine<ImageRow, ClassOutput>(chain);
        Assert.HasCount(10, engine.Predict(rows[0]).Score);

        model.Dispose();
        model.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Predict(rows[0].ImagePath));
        Assert.ThrowsExactly<ObjectDisposedException>(() => engine.Predict(rows[0]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => chain.Transform(data).GetColumn<float[]>("Score").ToArray());
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Save(Path.Combine(Path.GetTempPath(), "never-written.zip")));
    }

    [TestMethod]
    public void ATorchOptimOptimizerSteppedAfterDisposeThrowsAndReturnsItsTensors()
    {
        using var problem = new Regression();
        var start = TorchRuntime.LiveTensorCount;
        var optimizer = MomentumOptim.SgdMomentum(problem.Parameters, lr: 0.1);
        using (NewDisposeScope()) optimizer.step(problem.LossAndGradients);
        optimizer.Dispose();
        optimizer.Dispose();
        Assert.AreEqual(start, TorchRuntime.LiveTensorCount, "tensors left after Dispose");
        using var scope = NewDisposeScope();
        Assert.ThrowsExactly<ObjectDisposedException>(() => optimizer.step(problem.LossAndGradients));
        Assert.ThrowsExactly<ObjectDisposedException>(() => optimizer.step(0.5));
    }
}
