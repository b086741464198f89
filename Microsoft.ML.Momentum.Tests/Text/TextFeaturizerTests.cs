using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class TextFeaturizerTests
{
    private static TextDataSet Small() => TextDataLoader.FromExamples(
    [
        new("The cat sat on the mat", "animals"),
        new("The dog sat on the log", "animals"),
        new("Stocks fell on Monday", "markets"),
        new("Stocks rose on Tuesday", "markets"),
    ]);

    [TestMethod]
    public void IdsAreWordsThenHashedBigramsAfterTheVocabulary()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small(), new() { NGramBuckets = 1000 });
        Assert.AreEqual(f.Vocabulary.Count + 1000, f.IdCount);
        long[] ids = f.GetIds("the cat flew");
        Assert.AreEqual(5, ids.Length, "3 words + 2 bigrams");
        Assert.AreEqual(f.Vocabulary.GetId("the"), ids[0]);
        Assert.AreEqual(f.Vocabulary.GetId("cat"), ids[1]);
        Assert.AreEqual(Vocabulary.UnknownId, ids[2]);
        Assert.AreEqual(f.Vocabulary.Count + f.NGrams!.GetBucket("the", "cat"), ids[3]);
        Assert.AreEqual(f.Vocabulary.Count + f.NGrams.GetBucket("cat", "flew"), ids[4], "n-grams of unknown words still hash");
    }

    [TestMethod]
    public void TrigramsAndNoNGrams()
    {
        TextFeaturizer tri = TextFeaturizer.Fit(Small(), new() { NGramLength = 3, NGramBuckets = 50 });
        long[] ids = tri.GetIds("a b c d");
        Assert.AreEqual(4 + 3 + 2, ids.Length);
        Assert.AreEqual(tri.Vocabulary.Count + tri.NGrams!.GetBucket("b", "c", "d"), ids[^1]);

        TextFeaturizer none = TextFeaturizer.Fit(Small(), new() { NGramLength = 1 });
        Assert.IsNull(none.NGrams);
        Assert.AreEqual(none.Vocabulary.Count, none.IdCount);
        Assert.AreEqual(4, none.GetIds("a b c d").Length);
    }

    [TestMethod]
    public void TruncationKeepsTheFirstWordsAndTheirNGrams()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small(), new() { MaxTokens = 3, NGramBuckets = 1000 });
        long[] ids = f.GetIds("the cat sat on the mat");
        Assert.AreEqual(3 + 2, ids.Length);
        Assert.AreEqual(f.Vocabulary.GetId("sat"), ids[2]);
        Assert.AreEqual(f.Vocabulary.Count + f.NGrams!.GetBucket("cat", "sat"), ids[4]);

        FeaturizedTextDataSet d = f.Featurize(Small());
        Assert.AreEqual(4, d.TruncatedCount);
        Assert.AreEqual(12L, d.WordCount);
    }

    [TestMethod]
    public void VocabularyCountsOnlyKeptWords()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small(), new() { MaxTokens = 2 });
        Assert.AreEqual(Vocabulary.UnknownId, f.Vocabulary.GetId("mat"));
        Assert.AreNotEqual(Vocabulary.UnknownId, f.Vocabulary.GetId("cat"));
    }

    [TestMethod]
    public void VeryLongDocumentsAreTruncatedNotFailing()
    {
        string huge = string.Join(' ', Enumerable.Range(0, 1_000_000).Select(i => i % 2 == 0 ? "stocks" : "fell"));
        TextDataSet data = TextDataLoader.FromExamples([.. Small(), new(huge, "markets")]);
        TextFeaturizer f = TextFeaturizer.Fit(data, new() { MaxTokens = 256 });
        FeaturizedTextDataSet d = f.Featurize(data);
        Assert.AreEqual(256 + 255, d.GetIds(4).Length);
        Assert.AreEqual(256, d.GetSequence(4).Length);
        Assert.AreEqual(1, d.TruncatedCount);
        Assert.AreEqual(128L + 2, f.Vocabulary.GetCount(f.Vocabulary.GetId("stocks")), "only kept words are counted");
        Assert.AreEqual(128L + 1, f.Vocabulary.GetCount(f.Vocabulary.GetId("fell")));
    }

    [TestMethod]
    public void TextsWithoutWordsBecomeTheUnknownId()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small());
        CollectionAssert.AreEqual(new long[] { Vocabulary.UnknownId }, f.GetIds("?!"));
        CollectionAssert.AreEqual(new long[] { Vocabulary.UnknownId }, f.GetIds(""));
        FeaturizedTextDataSet d = f.FeaturizeTexts(["", "the cat", null]);
        Assert.AreEqual(3, d.Count);
        Assert.AreEqual(1, d.GetIds(0).Length);
        Assert.AreEqual(FeaturizedTextDataSet.UnknownClass, d.GetClass(1));
    }

    [TestMethod]
    public void PairsAreJoinedWithTheSeparatorAndTrimmedLongestFirst()
    {
        TextDataSet pairs = TextDataLoader.FromCsv(TextFixtures.Path("pairs.csv"), new() { TextColumnName = "Sentence1", Text2ColumnName = "Sentence2" });
        TextFeaturizer f = TextFeaturizer.Fit(pairs, new() { NGramBuckets = 100 });
        Assert.IsTrue(f.Vocabulary.GetId("guitar") > Vocabulary.SeparatorId && f.Vocabulary.GetId("music") > Vocabulary.SeparatorId, "both texts build the vocabulary");

        long[] ids = f.GetIds("a man", "a person plays");
        Assert.AreEqual(2 + 1 + 3 + 1 + 2, ids.Length, "words, separator, words, then bigrams within each text only");
        Assert.AreEqual(Vocabulary.SeparatorId, ids[2]);

        TextFeaturizer small = TextFeaturizer.Fit(pairs, new() { MaxTokens = 6, NGramLength = 1 });
        // 8 + 2 words for a budget of 5: the longer text is trimmed.
        Assert.AreEqual(6, small.GetIds("one two three four five six seven eight", "nine ten").Length);
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 2, 1, 1 }, small.GetIds("u v w x y z", "p q r s t"));
        FeaturizedTextDataSet d = small.Featurize(pairs);
        PaddedTextBatch padded = d.GetPaddedBatch(0, 4);
        Assert.IsTrue(padded.Lengths.All(l => l <= 6));
    }

    [TestMethod]
    public void PackedBatchesFollowTheIndexOrder()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small(), new() { NGramBuckets = 10 });
        FeaturizedTextDataSet d = f.Featurize(Small());
        PackedTextBatch batch = d.GetPackedBatch([2, 0]);
        Assert.AreEqual(2, batch.Count);
        CollectionAssert.AreEqual(new long[] { 0, d.GetIds(2).Length }, batch.Offsets);
        CollectionAssert.AreEqual(d.GetIds(2).ToArray().Concat(d.GetIds(0).ToArray()).Select(i => (long)i).ToArray(), batch.Ids);
        CollectionAssert.AreEqual(new long[] { 1, 0 }, batch.Labels, "markets = 1, animals = 0");
        Assert.AreEqual(d.IdCount, d.GetPackedBatch(0, 4).Ids.Length);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => d.GetPackedBatch(3, 2));
    }

    [TestMethod]
    public void PaddedBatchesUseWordSequencesAndZeroPadding()
    {
        TextFeaturizer f = TextFeaturizer.Fit(Small(), new() { NGramBuckets = 10 });
        FeaturizedTextDataSet d = f.FeaturizeTexts(["the cat", "stocks fell on monday", "x"]);
        PaddedTextBatch batch = d.GetPaddedBatch([0, 1, 2]);
        Assert.AreEqual(4, batch.SequenceLength);
        CollectionAssert.AreEqual(new long[] { 2, 4, 1 }, batch.Lengths);
        long the = f.Vocabulary.GetId("the"), cat = f.Vocabulary.GetId("cat");
        CollectionAssert.AreEqual(new long[] { the, cat, 0, 0 }, batch.Ids.Take(4).ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 0, 0, 0 }, batch.Ids.Skip(8).ToArray());
        Assert.AreEqual(7, d.GetPaddedBatch([0], minLength: 7).SequenceLength);
        CollectionAssert.AreEqual(new long[] { -1, -1, -1 }, batch.Labels);
    }

    [TestMethod]
    public void UnknownLabelsErrorSkipOrKeep()
    {
        TextFeaturizer f = TextFeaturizer.Fit(TextFixtures.LoadTopicsCsv());
        TextDataSet unseen = TextDataLoader.FromCsv(TextFixtures.Path("unseen_labels.csv"));
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => f.Featurize(unseen));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
        StringAssert.Contains(ex.Message, "'politics' was not seen in training");

        FeaturizedTextDataSet skipped = f.Featurize(unseen, UnknownLabelHandling.Skip);
        Assert.AreEqual(2, skipped.Count);
        Assert.AreEqual(1, skipped.SkippedUnknownLabelCount);
        Assert.AreEqual(2, skipped.GetSourceIndex(1));

        FeaturizedTextDataSet kept = f.Featurize(unseen, UnknownLabelHandling.Keep);
        CollectionAssert.AreEqual(new[] { 0, -1, 2 }, kept.Classes.ToArray());
    }

    [TestMethod]
    public void ParallelFeaturizationMatchesOneAtATime()
    {
        TextDataSet data = TextFixtures.LoadTopicsCsv();
        TextDataSet many = TextDataLoader.FromExamples(Enumerable.Range(0, 3).SelectMany(_ => data));
        TextFeaturizer f = TextFeaturizer.Fit(many);
        FeaturizedTextDataSet d = f.Featurize(many);
        Assert.AreEqual(1200, d.Count);
        for (int i = 0; i < d.Count; i += 37)
        {
            CollectionAssert.AreEqual(f.GetIds(many[i].Text), d.GetIds(i).ToArray().Select(x => (long)x).ToArray());
        }

        CollectionAssert.AreEqual(f.Vocabulary.Tokens.ToArray(), TextFeaturizer.Fit(many).Vocabulary.Tokens.ToArray());
    }

    [TestMethod]
    public void SaveAndLoadGiveAnIdenticalFeaturizer()
    {
        var options = new TextFeaturizerOptions
        {
            Tokenizer = new() { StripHtml = true, KeepPunctuation = true, MaxTokenLength = 40 },
            MaxTokens = 64,
            MinCount = 2,
            MaxVocabularySize = 300,
            NGramLength = 3,
            NGramBuckets = 5000,
        };
        TextFeaturizer f = TextFeaturizer.Fit(TextFixtures.LoadTopicsCsv(), options);
        using var stream = new MemoryStream();
        f.Save(stream);
        stream.Position = 0;
        TextFeaturizer back = TextFeaturizer.Load(stream);

        Assert.AreEqual(f.ToJson(), back.ToJson());
        Assert.AreEqual(300, back.Vocabulary.Count);
        Assert.AreEqual(2, back.Vocabulary.MinCount);
        Assert.AreEqual(64, back.MaxTokens);
        Assert.AreEqual(3, back.NGrams!.NGramLength);
        Assert.IsTrue(back.Tokenizer.Options.StripHtml);
        CollectionAssert.AreEqual(f.LabelMap!.Classes.ToArray(), back.LabelMap!.Classes.ToArray());
        foreach (TextExample e in TextDataLoader.FromJson(TextFixtures.Path("topics.json")))
        {
            CollectionAssert.AreEqual(f.GetIds(e.Text), back.GetIds(e.Text));
        }

        string json = f.ToJson();
        StringAssert.Contains(json, "\"format\": \"Microsoft.ML.Momentum.TextFeaturizer\"");
        StringAssert.Contains(json, "\"formatVersion\": 1");
        Assert.AreEqual(json, TextFeaturizer.FromJson(json).ToJson());
    }

    [TestMethod]
    public void LoadingRefusesOtherFormatsAndVersions()
    {
        string json = TextFeaturizer.Fit(Small()).ToJson();
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() =>
            TextFeaturizer.FromJson(json.Replace("\"formatVersion\": 1", "\"formatVersion\": 99"))).Message, "upgrade");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() =>
            TextFeaturizer.FromJson(json.Replace("\"algorithmVersion\": 1", "\"algorithmVersion\": 2"))).Message, "tokenizer rules version 2");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() =>
            TextFeaturizer.FromJson(json.Replace(NGramHasher.HashScheme, "murmur3"))).Message, "murmur3");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() =>
            TextFeaturizer.FromJson("{\"format\": \"something else\"}")).Message, "not a text featurizer");
        Assert.ThrowsExactly<InvalidDataException>(() => TextFeaturizer.FromJson("not json"));
    }

    [TestMethod]
    public void InvalidOptionsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit(Small(), new() { MaxTokens = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit(Small(), new() { MaxVocabularySize = 3 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit(Small(), new() { NGramLength = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit(Small(), new() { NGramBuckets = 0 }));
    }

    [TestMethod]
    public void TheTopicFixtureIsLearnableByABagOfWordsModel()
    {
        // Multinomial Naive Bayes over the featurized ids (words + bigrams): the fixture must be easy enough for
        // an end-to-end trainer test, and the featurizer must carry the signal.
        (TextDataSet train, TextDataSet test) = TextFixtures.LoadTopicsCsv().SplitStratified(0.25, seed: 1);
        TextFeaturizer f = TextFeaturizer.Fit(train, new() { NGramBuckets = 10_000 });
        FeaturizedTextDataSet tr = f.Featurize(train), te = f.Featurize(test);
        const double Alpha = 0.1;
        int classes = f.LabelMap!.Count;
        var counts = new double[classes, f.IdCount];
        var totals = new double[classes];
        for (int i = 0; i < tr.Count; i++)
        {
            foreach (int id in tr.GetIds(i))
            {
                counts[tr.GetClass(i), id]++;
                totals[tr.GetClass(i)]++;
            }
        }

        double Accuracy(FeaturizedTextDataSet data)
        {
            int correct = 0;
            for (int i = 0; i < data.Count; i++)
            {
                int best = -1;
                double bestScore = double.NegativeInfinity;
                for (int c = 0; c < classes; c++)
                {
                    double score = 0;
                    foreach (int id in data.GetIds(i))
                    {
                        score += Math.Log((counts[c, id] + Alpha) / (totals[c] + (Alpha * f.IdCount)));
                    }

                    if (score > bestScore)
                    {
                        (best, bestScore) = (c, score);
                    }
                }

                correct += best == data.GetClass(i) ? 1 : 0;
            }

            return (double)correct / data.Count;
        }

        double trainAccuracy = Accuracy(tr), testAccuracy = Accuracy(te);
        Console.WriteLine($"Naive Bayes on the topic fixture: {trainAccuracy:P1} on {tr.Count} training sentences, " +
                          $"{testAccuracy:P1} on {te.Count} held-out sentences; vocabulary {f.Vocabulary.Count}");
        Assert.IsTrue(trainAccuracy >= 0.95, $"training accuracy {trainAccuracy:P1}");
        Assert.IsTrue(testAccuracy >= 0.75, $"held-out accuracy {testAccuracy:P1}");
    }
}
