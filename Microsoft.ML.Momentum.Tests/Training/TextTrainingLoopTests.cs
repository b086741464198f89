using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Training;

[TestClass]
public sealed class TextTrainingLoopTests
{
    [TestMethod]
    public void EmbeddingBagLearnsTheTopicFixtureThroughTheSharedLoop()
    {
        var all = TextDataLoader.FromCsv(Path.Combine(AppContext.BaseDirectory, "Fixtures", "text", "topics.csv"));
        var (validation, train) = all.SplitStratified(0.25, seed: 1);
        var featurizer = TextFeaturizer.Fit(train, new TextFeaturizerOptions { NGramLength = 1 });
        var trainSource = new TextBatchSource(featurizer.Featurize(train), includeNGrams: false);
        var validationSource = new TextBatchSource(featurizer.Featurize(validation), includeNGrams: false);
        using var model = TorchModel.Create(NetworkSpec.EmbeddingBag(featurizer.IdCount, featurizer.LabelMap!.Count, 32), seed: 1);
        var optimizer = new SgdMomentum { LearningRate = 0.5, Momentum = 0.9 };
        var options = new TrainingLoopOptions { BatchSize = 16, MaxEpoch = 15, Seed = 1 };
        var result = new TrainingLoop(model, optimizer, trainSource, validationSource, options).Run();
        var last = result.History[^1];
        Console.WriteLine($"train accuracy {last.TrainAccuracy:P1}, validation accuracy {last.ValidationAccuracy:P1}");
        Assert.IsGreaterThan(0.95, last.TrainAccuracy);
        // 300 short sentences with many single-use words: well above chance (25 %), far from saturated.
        Assert.IsGreaterThan(0.45, last.ValidationAccuracy);
    }
}
