using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.TextTrainer;

[TestClass]
public sealed class TextTrainerBadInputTests
{
    private static TextDataException FitFails(TextDataSource data, Action<TextClassificationTrainer.Options>? change = null)
    {
        var options = TextTrainerFixtures.Fast(maxEpoch: 1);
        change?.Invoke(options);
        var e = Assert.ThrowsExactly<TextDataException>(() => new TextClassificationTrainer(options).Fit(data));
        Console.WriteLine(e.Message);
        return e;
    }

    [TestMethod]
    public void MissingLabelColumnNamesTheColumnsFound()
    {
        var e = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("missing_label_column.csv")));
        StringAssert.Contains(e.Message, "missing_label_column.csv");
        StringAssert.Contains(e.Message, "'Label' was not found");
        StringAssert.Contains(e.Message, "'Text', 'Category'");

        var renamed = FitFails(TextDataSource.FromCsv(TextFixturesPath("topics.csv")), o => o.LabelColumnName = "Topic");
        StringAssert.Contains(renamed.Message, "'Topic' was not found");
        StringAssert.Contains(renamed.Message, "'Label', 'Text'");
    }

    [TestMethod]
    public void MissingTextColumnNamesTheLineAndTheColumnsFound()
    {
        var json = FitFails(TextDataSource.FromJson(TextTrainerFixtures.Bad("missing_text_column.json")));
        Assert.AreEqual(3, json.LineNumber);
        StringAssert.Contains(json.Message, "'Label', 'Body'");

        var csv = FitFails(TextDataSource.FromCsv(TextFixturesPath("topics.csv")), o => o.TextColumnName = "Sentence");
        StringAssert.Contains(csv.Message, "'Sentence'");
        StringAssert.Contains(csv.Message, "'Label', 'Text'");

        var pair = FitFails(TextDataSource.FromCsv(TextFixturesPath("topics.csv")), o => o.Text2ColumnName = "Hypothesis");
        StringAssert.Contains(pair.Message, "'Hypothesis'");
    }

    [TestMethod]
    public void RaggedRowsReportTheirLine()
    {
        var e = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("ragged.csv")));
        Assert.AreEqual(4, e.LineNumber);
        StringAssert.Contains(e.Message, "ragged.csv, line 4");
        var multiline = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("ragged_after_multiline.csv")));
        Assert.AreEqual(6, multiline.LineNumber, "the physical line, after a record spanning three lines");
    }

    [TestMethod]
    public void InvalidUtf8ReportsTheLineAndByte()
    {
        var e = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("invalid_utf8.csv")));
        StringAssert.Contains(e.Message, "invalid_utf8.csv, line 3, byte offset 64");
        StringAssert.Contains(e.Message, "UTF-8");
    }

    [TestMethod]
    public void EmptyTextsAreSkippedAndCountedOrRefused()
    {
        var examples = TextTrainerFixtures.TopicExamples().ToList();
        examples.Insert(5, new TextExample("   ", "sports"));
        examples.Insert(10, new TextExample("", "cooking"));
        var options = TextTrainerFixtures.Fast(maxEpoch: 1);
        using (var model = new TextClassificationTrainer(options).Fit(TextDataSource.FromExamples(examples)))
        {
            Assert.AreEqual(2, model.TrainingData!.SkippedEmptyTextCount);
            CollectionAssert.AreEqual(new[] { 6, 11 }, model.TrainingData.SkippedEmptyTextLines.ToArray());
            Assert.AreEqual(400, model.TrainingData.LoadedCount);
            Assert.AreEqual(4, model.Predict("").Score.Count, "an empty text can still be predicted (as the unknown word)");
        }

        var e = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("empty_texts.csv")), o => o.EmptyTextHandling = EmptyTextHandling.Error);
        Assert.AreEqual(3, e.LineNumber);
        StringAssert.Contains(e.Message, "empty");
    }

    [TestMethod]
    public void MissingLabelValuesAndASingleClassAreClearErrors()
    {
        var missing = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("missing_label_value.csv")));
        Assert.AreEqual(3, missing.LineNumber);

        var single = FitFails(TextDataSource.FromCsv(TextTrainerFixtures.Bad("single_class.csv")));
        StringAssert.Contains(single.Message, "single class, 'sports' (3 examples)");

        var unlabelled = FitFails(TextDataSource.FromExamples([new TextExample("a b", null), new TextExample("c d", null)]));
        StringAssert.Contains(unlabelled.Message, "no labels");
    }

    [TestMethod]
    public void LabelsNeverSeenInTrainingAreReportedOrSkipped()
    {
        using var model = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 1)).Fit(TextTrainerFixtures.Topics);
        var unseen = TextDataSource.FromCsv(TextFixturesPath("unseen_labels.csv"));
        var e = Assert.ThrowsExactly<TextDataException>(() => model.Evaluate(unseen));
        Console.WriteLine(e.Message);
        StringAssert.Contains(e.Message, "unseen_labels.csv, line 3");
        StringAssert.Contains(e.Message, "'politics' was not seen in training");
        StringAssert.Contains(e.Message, "'computers', 'cooking', 'sports', 'weather'");

        var skipped = model.Evaluate(unseen, UnknownLabelHandling.Skip);
        Assert.AreEqual(2, skipped.Count, "the politics example is left out");
        Assert.ThrowsExactly<ArgumentException>(() => model.Evaluate(unseen, UnknownLabelHandling.Keep));

        var validation = FitFails(TextTrainerFixtures.Topics, o => o.ValidationSet = unseen);
        StringAssert.Contains(validation.Message, "'politics' was not seen in training");
    }

    [TestMethod]
    public void IntegerAndBooleanLabelsAreClasses()
    {
        var examples = TextTrainerFixtures.TopicExamples();
        var numbered = examples.Select(e => e with { Label = (Array.IndexOf(TextTopics, e.Label) * 5).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var model = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 1)).Fit(TextDataSource.FromExamples(numbered));
        CollectionAssert.AreEqual(new[] { "0", "5", "10", "15" }, model.ClassNames.ToArray(), "integer labels in numeric order");

        using var booleans = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 1))
            .Fit(TextDataSource.FromJsonLines(TextFixturesPath("boolean_labels.jsonl")));
        CollectionAssert.AreEqual(new[] { "false", "true" }, booleans.ClassNames.ToArray());
    }

    [TestMethod]
    public void ModelFilesOfAnotherKindAreRefused()
    {
        var directory = TextTrainerFixtures.TempDirectory();
        try
        {
            var path = Path.Combine(directory, "text.zip");
            using (var model = new TextClassificationTrainer(TextTrainerFixtures.Fast(maxEpoch: 1)).Fit(TextTrainerFixtures.Topics)) model.Save(path);
            var e = Assert.ThrowsExactly<InvalidDataException>(() => ImageClassificationModel.Load(path));
            StringAssert.Contains(e.Message, "textClassification");
            using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update)) zip.GetEntry("featurizer.json")!.Delete();
            var missing = Assert.ThrowsExactly<InvalidDataException>(() => TextClassificationModel.Load(path));
            StringAssert.Contains(missing.Message, "featurizer.json");
            var notZip = Path.Combine(directory, "not.zip");
            File.WriteAllText(notZip, "hello");
            Assert.ThrowsExactly<InvalidDataException>(() => TextClassificationModel.Load(notZip));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly string[] TextTopics = ["computers", "cooking", "sports", "weather"];

    private static string TextFixturesPath(string name) => TextTrainerFixtures.Path(name);
}
