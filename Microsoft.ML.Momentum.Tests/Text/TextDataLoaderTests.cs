using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class TextDataLoaderTests
{
    private static readonly TextTokenizer Tokenizer = new();

    [TestMethod]
    public void AllFourFormatsHoldTheSameExamples()
    {
        TextDataSet csv = TextDataLoader.FromCsv(TextFixtures.Path("topics.csv"));
        TextDataSet tsv = TextDataLoader.FromTsv(TextFixtures.Path("topics.tsv"));
        TextDataSet json = TextDataLoader.FromJson(TextFixtures.Path("topics.json"));
        TextDataSet jsonl = TextDataLoader.FromJsonLines(TextFixtures.Path("topics.jsonl"));
        CollectionAssert.AreEqual(jsonl.ToArray(), TextDataLoader.FromFile(TextFixtures.Path("topics.jsonl")).ToArray());
        CollectionAssert.AreEqual(tsv.ToArray(), TextDataLoader.FromFile(TextFixtures.Path("topics.tsv")).ToArray());

        foreach (TextDataSet d in new[] { csv, tsv, json, jsonl })
        {
            Assert.AreEqual(400, d.Count, d.SourceName);
            Assert.AreEqual(0, d.SkippedEmptyTextCount);
            Assert.IsTrue(d.HasLabels);
            Assert.IsFalse(d.IsPair);
            CollectionAssert.AreEqual(TextFixtures.Topics, d.GetDistinctLabels().ToArray());
        }

        for (int i = 0; i < csv.Count; i++)
        {
            Assert.AreEqual(csv[i].Label, tsv[i].Label);
            Assert.AreEqual(csv[i], json[i], $"example {i}");
            Assert.AreEqual(csv[i], jsonl[i], $"example {i}");
            // TSV holds the one multi-line sentence on one line; the words are the same.
            CollectionAssert.AreEqual(Tokenizer.Tokenize(csv[i].Text).ToArray(), Tokenizer.Tokenize(tsv[i].Text).ToArray());
        }

        Assert.AreEqual(100, csv.Count(e => e.Label == "weather"));
    }

    [TestMethod]
    public void CsvQuotingCommasNewlinesAndDoubledQuotes()
    {
        TextDataSet csv = TextFixtures.LoadTopicsCsv();
        TextExample multiLine = csv.Single(e => e.Text.Contains('\n'));
        Assert.AreEqual("Bring an umbrella,\nthere will be showers this afternoon.", multiLine.Text);
        Assert.AreEqual("weather", multiLine.Label);

        int index = csv.ToList().IndexOf(multiLine);
        Assert.AreEqual(40, csv.GetLineNumber(index), "a record's line is where it starts");
        Assert.AreEqual(42, csv.GetLineNumber(index + 1), "lines after a multi-line record are counted");
        StringAssert.EndsWith(csv.DescribeLocation(index + 1), "topics.csv, line 42");

        Assert.IsTrue(csv.Any(e => e.Text == "Roast the vegetables with olive oil, rosemary and garlic."));
        Assert.IsTrue(csv.Any(e => e.Text == "The login screen said \"wrong password\" after my first attempt."));
        Assert.IsTrue(csv.Any(e => e.Text.Contains("crème brûlée", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void TsvTreatsQuotesAsText()
    {
        TextDataSet tsv = TextDataLoader.FromTsv(TextFixtures.Path("topics.tsv"));
        Assert.IsTrue(tsv.Any(e => e.Text == "The login screen said \"wrong password\" after my first attempt."));
        Assert.AreEqual(2, tsv.GetLineNumber(0));
    }

    [TestMethod]
    public void JsonLabelsOfAnyScalarTypeBecomeStringKeys()
    {
        TextDataSet numeric = TextDataLoader.FromJson(TextFixtures.Path("numeric_labels.json"));
        CollectionAssert.AreEqual(new[] { "10", "2", "1", "2" }, numeric.Select(e => e.Label).ToArray());
        Assert.AreEqual(3, numeric.GetLineNumber(1));

        TextDataSet booleans = TextDataLoader.FromJsonLines(TextFixtures.Path("boolean_labels.jsonl"));
        CollectionAssert.AreEqual(new[] { "true", "false", "true" }, booleans.Select(e => e.Label).ToArray());
    }

    [TestMethod]
    public void SentencePairsFromTwoTextColumns()
    {
        var options = new TextDataLoaderOptions { TextColumnName = "Sentence1", Text2ColumnName = "Sentence2" };
        TextDataSet pairs = TextDataLoader.FromCsv(TextFixtures.Path("pairs.csv"), options);
        Assert.AreEqual(4, pairs.Count);
        Assert.IsTrue(pairs.IsPair);
        Assert.AreEqual(new TextExample("It rains, and the streets are wet.", "contradiction", "The streets are dry."), pairs[2]);
    }

    [TestMethod]
    public void HeaderlessCsvNamesColumnsByIndex()
    {
        using MemoryStream s = TextFixtures.Utf8("sports,The keeper saved it.\ncooking,\"Stir, then serve.\"\n");
        TextDataSet d = TextDataLoader.FromCsv(s, "inline.csv", new() { HasHeader = false, LabelColumnName = "0", TextColumnName = "1" });
        Assert.AreEqual(2, d.Count);
        Assert.AreEqual(new TextExample("Stir, then serve.", "cooking"), d[1]);
        Assert.AreEqual(2, d.GetLineNumber(1));
    }

    [TestMethod]
    public void CustomSeparatorAndByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("Label;Text\nsports;Goal!\nweather;Rain\n")];
        TextDataSet d = TextDataLoader.FromCsv(new MemoryStream(bytes), "semicolons.csv", new() { Separator = ';' });
        Assert.AreEqual(new TextExample("Goal!", "sports"), d[0]);
    }

    [TestMethod]
    public void LabelsAreTrimmedAndCrLfLineEndingsWork()
    {
        using MemoryStream s = TextFixtures.Utf8("Label,Text\r\n sports ,Goal!\r\nweather,\"Rain\r\nand wind\"\r\ncooking,Soup\r\n");
        TextDataSet d = TextDataLoader.FromCsv(s, "crlf.csv");
        Assert.AreEqual("sports", d[0].Label);
        Assert.AreEqual("Rain\r\nand wind", d[1].Text);
        Assert.AreEqual(3, d.GetLineNumber(1));
        Assert.AreEqual(5, d.GetLineNumber(2));
    }

    [TestMethod]
    public void DataWithoutLabelsForPrediction()
    {
        using MemoryStream s = TextFixtures.Utf8("{\"Text\": \"Will it snow?\"}\n\n{\"Text\": \"Who won?\", \"Extra\": [1, {\"a\": 2}]}\n");
        TextDataSet d = TextDataLoader.FromJsonLines(s, "predict.jsonl", new() { LabelColumnName = null });
        Assert.IsFalse(d.HasLabels);
        Assert.AreEqual(2, d.Count);
        Assert.IsNull(d[1].Label);
        Assert.AreEqual(3, d.GetLineNumber(1), "blank lines count");
    }

    [TestMethod]
    public void EmptyTextsAreSkippedAndCountedByDefault()
    {
        TextDataSet d = TextDataLoader.FromCsv(TextFixtures.Bad("empty_texts.csv"));
        Assert.AreEqual(3, d.Count);
        Assert.AreEqual(2, d.SkippedEmptyTextCount);
        CollectionAssert.AreEqual(new[] { 3, 5 }, d.SkippedEmptyTextLines.ToArray());
    }

    [TestMethod]
    public void FromExamplesValidatesAndTrims()
    {
        TextDataSet d = TextDataLoader.FromExamples([new("a b", " x "), new("", "y"), new("c", "y")]);
        Assert.AreEqual(2, d.Count);
        Assert.AreEqual("x", d[0].Label);
        Assert.AreEqual(1, d.SkippedEmptyTextCount);
        CollectionAssert.AreEqual(new[] { 2 }, d.SkippedEmptyTextLines.ToArray());
        StringAssert.Contains(d.DescribeLocation(1), "example #3");

        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromExamples([new("a", "x"), new("b", null)]));
        StringAssert.Contains(ex.Message, "example #2");
        StringAssert.Contains(ex.Message, "label is missing");

        TextDataException pair = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromExamples([new("a", "x", "b"), new("c", "y")]));
        StringAssert.Contains(pair.Message, "example #2 has no Text2");
    }

    [TestMethod]
    public void StratifiedSplitIsDeterministicAndDisjoint()
    {
        TextDataSet all = TextFixtures.LoadTopicsCsv();
        (TextDataSet train, TextDataSet valid) = all.SplitStratified(0.2, seed: 7);
        (TextDataSet train2, TextDataSet valid2) = all.SplitStratified(0.2, seed: 7);
        Assert.AreEqual(320, train.Count);
        Assert.AreEqual(80, valid.Count);
        foreach (string topic in TextFixtures.Topics)
        {
            Assert.AreEqual(20, valid.Count(e => e.Label == topic));
        }

        CollectionAssert.AreEqual(valid.ToArray(), valid2.ToArray());
        CollectionAssert.AreEqual(train.ToArray(), train2.ToArray());
        Assert.AreEqual(0, train.Intersect(valid).Count());
        CollectionAssert.AreNotEqual(valid.ToArray(), all.SplitStratified(0.2, seed: 8).Second.ToArray());
    }
}
