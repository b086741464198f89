using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Images;

[TestClass]
public sealed class ImageBatchProducerTests
{
    /// <summary>n gray 6x5 images whose pixels encode (image, position), and labels image % 3.</summary>
    private static LabeledImages Data(int count = 50, int channels = 1)
    {
        var pixels = new byte[count * channels * 30];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7 + i / 30);
        return new LabeledImages(pixels, Enumerable.Range(0, count).Select(i => i % 3).ToArray(), channels, 6, 5, ["a", "b", "c"]);
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    private static List<(float[] Inputs, long[] Labels)> Collect(ImageBatchEpoch epoch, Action? afterEach = null)
    {
        var batches = new List<(float[], long[])>();
        foreach (var batch in epoch)
        {
            batches.Add((batch.InputSpan.ToArray(), batch.LabelSpan.ToArray()));
            afterEach?.Invoke();
        }
        return batches;
    }

    [TestMethod]
    public void BatchesFollowTheOrderAndAreNormalized()
    {
        var data = Data();
        var normalization = ChannelNormalization.Fit(data);
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 16, Normalization = normalization });
        var order = Shuffled(data.Count, 1);
        var epoch = producer.StartEpoch(order, 0);
        Assert.AreEqual(4, epoch.BatchCount);
        var batches = Collect(epoch);
        CollectionAssert.AreEqual(new[] { 16, 16, 16, 2 }, batches.Select(b => b.Labels.Length).ToArray());
        var expected = new float[30];
        for (var k = 0; k < data.Count; k++)
        {
            var (inputs, labels) = batches[k / 16];
            normalization.Apply(data.Pixels.AsSpan(order[k] * 30, 30), expected);
            CollectionAssert.AreEqual(expected, inputs.AsSpan(k % 16 * 30, 30).ToArray());
            Assert.AreEqual(data.Labels[order[k]], labels[k % 16]);
        }
    }

    [TestMethod]
    public void AugmentedBatchesDependOnSeedAndEpochNotOnTiming()
    {
        var data = Data(40, 3);
        var options = new ImageBatchProducerOptions
        {
            BatchSize = 8, Normalization = ChannelNormalization.Fit(data), Augmentation = new ImageAugmentation(2, true), Seed = 1234, PrefetchCapacity = 2,
        };
        var order = Shuffled(data.Count, 7);
        using var producer = new ImageBatchProducer(data, options);
        var fast = Collect(producer.StartEpoch(order, 3));
        var slow = Collect(producer.StartEpoch(order, 3), () => Thread.Sleep(5));
        using var slowProducer = new ImageBatchProducer(data, options);
        slowProducer.AfterFill = _ => Thread.Sleep(3);
        var slowFill = Collect(slowProducer.StartEpoch(order, 3));
        for (var b = 0; b < fast.Count; b++)
        {
            CollectionAssert.AreEqual(fast[b].Inputs, slow[b].Inputs);
            CollectionAssert.AreEqual(fast[b].Inputs, slowFill[b].Inputs);
        }
        var otherEpoch = Collect(producer.StartEpoch(order, 4));
        Assert.IsTrue(Enumerable.Range(0, fast.Count).Any(b => !fast[b].Inputs.SequenceEqual(otherEpoch[b].Inputs)), "Another epoch draws other crops.");
        CollectionAssert.AreEqual(fast[0].Labels, otherEpoch[0].Labels);
    }

    [TestMethod]
    public void AugmentationIsACropOfThePaddedImageOptionallyFlipped()
    {
        var data = Data(1);
        var scale = ChannelNormalization.ScaleOnly(1);
        var source = data.Pixels.Select(p => p / 255f).ToArray();
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 1, Normalization = scale, Augmentation = new ImageAugmentation(2, true), Seed = 5 });
        var seen = new HashSet<(int, int, bool)>();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            var output = Collect(producer.StartEpoch([0], epoch))[0].Inputs;
            seen.Add(FindCrop(source, output));
        }
        Assert.AreEqual(5 * 5 * 2, seen.Count, "Every shift in [-2, 2]^2, flipped or not, occurs.");

        using var plain = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 1, Normalization = scale, Augmentation = new ImageAugmentation(0, false) });
        CollectionAssert.AreEqual(source, Collect(plain.StartEpoch([0], 0))[0].Inputs);
    }

    /// <summary>The (dy, dx, flip) that turns the 6x5 source into the output; fails when none does.</summary>
    private static (int, int, bool) FindCrop(float[] source, float[] output)
    {
        for (var dy = -2; dy <= 2; dy++)
        for (var dx = -2; dx <= 2; dx++)
        foreach (var flip in new[] { false, true })
        {
            var match = true;
            for (var y = 0; y < 6 && match; y++)
            for (var x = 0; x < 5 && match; x++)
            {
                int sy = y + dy, sx = (flip ? 4 - x : x) + dx;
                var expected = sy is >= 0 and < 6 && sx is >= 0 and < 5 ? source[sy * 5 + sx] : 0f;
                match = output[y * 5 + x] == expected;
            }
            if (match) return (dy, dx, flip);
        }
        Assert.Fail("The output is no crop or flip of the source.");
        return default;
    }

    [TestMethod]
    public void ProducerFailureReachesTheConsumerAfterEarlierBatches()
    {
        var data = Data();
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 10, Normalization = ChannelNormalization.Fit(data) });
        producer.AfterFill = batch =>
        {
            if (batch.Index == 2) throw new InvalidOperationException("boom in batch 2");
        };
        var received = new List<int>();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
        {
            foreach (var batch in producer.StartEpoch(Enumerable.Range(0, 50).ToArray(), 0)) received.Add(batch.Index);
        });
        Assert.AreEqual("boom in batch 2", error.Message);
        CollectionAssert.AreEqual(new[] { 0, 1 }, received);
        producer.AfterFill = null;
        Assert.AreEqual(5, Collect(producer.StartEpoch(Enumerable.Range(0, 50).ToArray(), 1)).Count, "The producer is usable after a failed epoch.");
    }

    [TestMethod]
    public void CancellationStopsTheEpochAndKeepsTheBuffers()
    {
        var data = Data(200);
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 4, Normalization = ChannelNormalization.Fit(data), PrefetchCapacity = 2 });
        using var cancellation = new CancellationTokenSource();
        var order = Enumerable.Range(0, 200).ToArray();
        var count = 0;
        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            foreach (var _ in producer.StartEpoch(order, 0, cancellation.Token))
            {
                if (++count == 3) cancellation.Cancel();
            }
        });
        Assert.AreEqual(3, count);
        // Leaving early (break) disposes the epoch too; afterwards a full epoch still gets every batch.
        foreach (var _ in producer.StartEpoch(order, 1)) break;
        Assert.AreEqual(50, Collect(producer.StartEpoch(order, 2)).Count);
    }

    [TestMethod]
    public async Task AsyncEnumerationYieldsTheSameBatches()
    {
        var data = Data();
        var options = new ImageBatchProducerOptions { BatchSize = 7, Normalization = ChannelNormalization.Fit(data), Augmentation = ImageAugmentation.CropAndFlip, Seed = 9 };
        using var producer = new ImageBatchProducer(data, options);
        var order = Shuffled(data.Count, 3);
        var sync = Collect(producer.StartEpoch(order, 0));
        var index = 0;
        await foreach (var batch in producer.StartEpoch(order, 0))
        {
            CollectionAssert.AreEqual(sync[index++].Inputs, batch.InputSpan.ToArray());
        }
        Assert.AreEqual(sync.Count, index);
    }

    [TestMethod]
    public void OnlyOneEpochRunsAtATimeAndEachIsEnumeratedOnce()
    {
        var data = Data();
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { BatchSize = 10, Normalization = ChannelNormalization.Fit(data) });
        var order = Enumerable.Range(0, 50).ToArray();
        var first = producer.StartEpoch(order, 0);
        Assert.ThrowsExactly<InvalidOperationException>(() => producer.StartEpoch(order, 1));
        _ = Collect(first);
        Assert.ThrowsExactly<ObjectDisposedException>(() => first.GetEnumerator());
        using var second = producer.StartEpoch(order, 1);
        using var enumerator = second.GetEnumerator();
        Assert.ThrowsExactly<InvalidOperationException>(() => second.GetEnumerator());
    }

    [TestMethod]
    public void OptionsAreValidated()
    {
        var data = Data();
        Assert.ThrowsExactly<ArgumentException>(() => new ImageBatchProducer(data, new ImageBatchProducerOptions()));
        Assert.ThrowsExactly<ArgumentException>(() => new ImageBatchProducer(data, new ImageBatchProducerOptions { Normalization = ChannelNormalization.ScaleOnly(3) }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageBatchProducer(data, new ImageBatchProducerOptions { Normalization = ChannelNormalization.ScaleOnly(1), BatchSize = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageBatchProducer(data, new ImageBatchProducerOptions { Normalization = ChannelNormalization.ScaleOnly(1), Augmentation = new ImageAugmentation(6) }));
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions { Normalization = ChannelNormalization.ScaleOnly(1) });
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => producer.StartEpoch([0, 50], 0));
    }

    [TestMethod]
    public void SteadyStateAllocatesNothingPerBatch()
    {
        var data = Data(4000);
        using var producer = new ImageBatchProducer(data, new ImageBatchProducerOptions
        {
            BatchSize = 8, Normalization = ChannelNormalization.Fit(data), Augmentation = ImageAugmentation.CropAndFlip, Seed = 1,
        });
        var order = Enumerable.Range(0, data.Count).ToArray();
        _ = Collect(producer.StartEpoch(order, 0)); // warm up: JIT, thread pool, channel segments
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var epoch = producer.StartEpoch(order, 1);
        var batches = 0;
        foreach (var batch in epoch)
        {
            batches++;
            if (batches % 50 == 0) Thread.SpinWait(20_000); // let the producer run ahead and wait for buffers too
        }
        var perBatch = (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / batches;
        Console.WriteLine($"{batches} batches: {perBatch:F1} bytes allocated per batch (all threads, including the epoch's own set-up); " +
                          $"consumer waits {epoch.ConsumerWaits}, producer waits {epoch.ProducerWaits}.");
        Assert.IsLessThan(64.0, perBatch);
    }
}
