using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Momentum;
using Microsoft.ML.TorchSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.MLNet;

/// <summary>
/// Our catalog methods beside ML.NET's own <c>TextClassification</c> (Microsoft.ML.TorchSharp 0.24.0, whose catalog is
/// in the Microsoft.ML.TorchSharp namespace) with both namespaces imported: the file compiles, each call builds its own
/// estimator, and both libraries run on the one TorchSharp 0.107.0 (so one libtorch) in this process. Microsoft.ML.Vision,
/// home of ML.NET's <c>ImageClassification</c>, is not served to this project, so only the text side is proved here.
/// </summary>
[TestClass]
public sealed class MLNetAmbiguityTests
{
    [TestMethod]
    public void BothCatalogs_BuildTheirOwnEstimators_SideBySide()
    {
        var ml = new MLContext(seed: 1);
        var mlNets = ml.MulticlassClassification.Trainers.TextClassification(labelColumnName: "Label", sentence1ColumnName: "Text");
        var ours = ml.MulticlassClassification.Trainers.MomentumTextClassification(labelColumnName: "Label", textColumnName: "Text");
        var oursImages = ml.MulticlassClassification.Trainers.MomentumImageClassification(labelColumnName: "Label", imageColumnName: "Image");

        Assert.AreEqual("Microsoft.ML.TorchSharp.NasBert.TextClassificationTrainer", mlNets.GetType().FullName);
        Assert.IsInstanceOfType<MomentumTextClassificationTrainer>(ours);
        Assert.IsInstanceOfType<MomentumImageClassificationTrainer>(oursImages);
    }

    [TestMethod]
    public void BothLibraries_ShareOneTorchSharp()
    {
        var ml = new MLContext(seed: 1);
        using var transformer = OwnedModel(ml);
        var mlNetsReference = typeof(TorchSharpCatalog).Assembly.GetReferencedAssemblies().Single(a => a.Name == "TorchSharp");
        var ourTorchSharp = typeof(global::TorchSharp.torch).Assembly;

        Assert.AreSame(ourTorchSharp, Assembly.Load(mlNetsReference), $"ML.NET asks for TorchSharp {mlNetsReference.Version}; it must bind to ours");
        Assert.AreEqual(new Version(0, 107, 0, 0), ourTorchSharp.GetName().Version);
        Assert.AreEqual(1, AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == "TorchSharp"));
    }

    /// <summary>A small model trained through our estimator, so our side has loaded libtorch.</summary>
    private static IDisposable OwnedModel(MLContext ml)
    {
        var data = MLNetFixtures.Topics(ml);
        var options = new MomentumTextClassificationTrainer.Options { Trainer = MLNetFixtures.FastText(1) };
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MomentumTextClassification(options))
            .Fit(data);
        return MLNetFixtures.Classifier<Trainers.TextClassificationModel>(model).Model;
    }
}
