using Microsoft.ML.Momentum.Tests.ImageTrainer;
using Microsoft.ML.Momentum.Tests.MLNet;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>One transformer scoring from 8 threads at once, and two trainers at once in one process, give exactly what they give alone.</summary>
[TestClass]
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    [TestMethod]
    public void OneSharedBatchTransformReadFromEightThreadsAtOnceEqualsSequentialScoring()
    {
        var ml = new MLContext(seed: 3);
        var data = ml.Data.LoadFromEnumerable(MLNetFixtures.ImageRows());
        var chain = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadRawImageBytes("Image", null, nameof(ImageRow.ImagePath)))
            .Append(ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options { Trainer = MLNetFixtures.FastImages() }))
            .Fit(data);
        using var network = MLNetFixtures.Classifier<ImageClassificationModel>(chain).Model;
        var scored = chain.Transform(data);
        var sequential = MLNetFixtures.Scores(scored);

        var parallel = AtOnce(Threads, _ => MLNetFixtures.Scores(scored));
        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < sequential.Length; i++) CollectionAssert.AreEqual(sequential[i], parallel[t][i], $"thread {t}, row {i}");
        }
        MLNetFixtures.AssertParallelEqualsSequential(ml, chain, MLNetFixtures.ImageRows().Take(40).ToArray());
    }

    [TestMethod]
    public void TwoTrainersAtOnceEachGiveWhatTheyGiveAlone()
    {
        var files = ImageTrainerFixture.SomeFiles(30);
        float[] Train(int seed)
        {
            using var model = ImageTrainerFixture.Fit(o => { o.Seed = seed; o.MaxEpoch = 2; });
            return ImageTrainerFixture.ScoresOf(model, files);
        }
        var alone = new[] { Train(1), Train(2) };
        var together = AtOnce(2, i => Train(i + 1));
        for (var i = 0; i < 2; i++) CollectionAssert.AreEqual(alone[i], together[i], $"trainer {i} differs when another trains beside it");
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="count"/> dedicated threads released together.</summary>
    private static T[] AtOnce<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try { results[i] = work(i); }
            catch (Exception e) { errors[i] = e; }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        if (errors.FirstOrDefault(e => e is not null) is { } error) throw new AggregateException(error);
        return results;
    }
}
