using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.TextTrainer;

[TestClass]
public sealed class TextTrainerOptimizerTests
{
    // Learning rates for the bag on 300 sentences in 6 epochs. The SGD family needs large ones: the bag's mean and the
    // batch mean make each word embedding's gradient small, and the output layer starts at zero (fastText's initialisation).
    public static IEnumerable<object[]> Optimizers() =>
    [
        ["adam (default), lr 1e-2", null!, 1e-2],
        ["demonAdam 1e-3", new DemonAdam { LearningRate = 1e-3 }, null!],
        ["momoAdam (default cap 1e-2)", new MomoAdam(), null!],
        ["demonSgd 5", new DemonSgd { LearningRate = 5 }, null!],
        ["momo (cap 30)", new Momo { LearningRate = 30 }, null!],
        ["sgdMomentum 2 + AutoDrop", new SgdMomentum { LearningRate = 2, Controller = new AutoDrop() }, null!],
    ];

    [TestMethod]
    [DynamicData(nameof(Optimizers))]
    public void EveryOptimizerFamilyTrainsTheTextModel(string name, Optimizer? optimizer, double? learningRate)
    {
        var options = TextTrainerFixtures.Fast(maxEpoch: 6);
        options.LearningRate = learningRate;
        options.Optimizer = optimizer;
        using var model = new TextClassificationTrainer(options).Fit(TextTrainerFixtures.Topics);
        var history = model.Training!.History;
        Console.WriteLine($"{name}: train loss {string.Join(" → ", history.Select(e => e.TrainLoss.ToString("F3")))}, validation {history[^1].ValidationAccuracy:P0}");
        Assert.IsLessThan(history[0].TrainLoss * 0.8, history[^1].TrainLoss, $"{name} lowers the training loss");
        Assert.IsGreaterThan(0.5, history[^1].ValidationAccuracy, $"{name} beats chance (25%) on held-out sentences");
    }
}
