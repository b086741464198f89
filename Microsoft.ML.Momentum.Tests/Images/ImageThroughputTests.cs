using System.Diagnostics;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

/// <summary>Measures decoding and batching throughput; prints the figures and never asserts on timings.</summary>
[TestClass]
public sealed class ImageThroughputTests
{
    [TestMethod]
    public void DecodingThroughputOfThePngFixtures()
    {
        var root = Path.Combine(ImageFixtureTests.Root, "fashion");
        var files = Directory.EnumerateFiles(root, "*.png", SearchOption.AllDirectories).ToArray();
        var encoded = files.Select(File.ReadAllBytes).ToArray();
        _ = ImageFolderLoader.Load(root); // warm up
        const int rounds = 20;

        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var bytes in encoded) ImageDecoder.Decode(bytes);
        }
        var memory = rounds * encoded.Length / clock.Elapsed.TotalSeconds;

        Report("folder load, 1 thread", root, rounds, new ImageFolderOptions { MaxDegreeOfParallelism = 1 }, files.Length);
        Report($"folder load, {Environment.ProcessorCount} threads", root, rounds, new ImageFolderOptions(), files.Length);
        Report("folder load, resized to 32x32 RGB", root, rounds, new ImageFolderOptions { ImageSize = new ImageSize(32, 32), ColorMode = ImageColorMode.Rgb }, files.Length);
        Console.WriteLine($"decode from memory, 1 thread: {memory:N0} images/s (28x28 gray PNG, {encoded.Average(e => e.Length):N0} bytes on average)");
    }

    private static void Report(string what, string root, int rounds, ImageFolderOptions options, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++) ImageFolderLoader.Load(root, options);
        Console.WriteLine($"{what}: {rounds * count / clock.Elapsed.TotalSeconds:N0} images/s (listing, reading, decoding, converting)");
    }

    [TestMethod]
    public void BatchProducerThroughputOnFashionMnist()
    {
        TestEnvironment.RequireData(FashionMnist.IsAvailable(), "Fashion-MNIST (dataset-fashion-mnist)");
        var train = FashionMnist.LoadTrain();
        var normalization = ChannelNormalization.Fit(train);
        var order = Enumerable.Range(0, train.Count).ToArray();
        foreach (var (augmentation, batchSize) in new[] { ((ImageAugmentation?)null, 128), (ImageAugmentation.CropAndFlip, 128), (null, 32), (null, 128) })
        {
            using var producer = new ImageBatchProducer(train, new ImageBatchProducerOptions
            {
                BatchSize = batchSize, Normalization = normalization, Augmentation = augmentation, Seed = 42,
            });
            for (var warm = 0; warm < 2; warm++)
            {
                foreach (var _ in producer.StartEpoch(order, warm)) { } // warm up (tiered JIT)
            }
            var best = double.MaxValue;
            var waits = 0;
            var batches = 0;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var epoch = producer.StartEpoch(order, 2 + run);
                batches = 0;
                foreach (var batch in epoch) batches++;
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                waits = epoch.ConsumerWaits;
            }
            Console.WriteLine($"Fashion-MNIST 60k, batch {batchSize}, {(augmentation is null ? "no augmentation" : "crop 4 + flip")}: " +
                              $"{batches / best:N0} batches/s ({train.Count / best:N0} images/s, epoch {best * 1000:N0} ms, best of 3); " +
                              $"the consumer, doing nothing else, waited {waits}x of {batches}");
        }
    }
}
