using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class TextDataErrorTests
{
    [TestMethod]
    public void MissingLabelColumnNamesTheColumnsFound()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("missing_label_column.csv")));
        Console.WriteLine(ex.Message);
        StringAssert.Contains(ex.Message, "missing_label_column.csv");
        StringAssert.Contains(ex.Message, "LabelColumnName column 'Label' was not found");
        StringAssert.Contains(ex.Message, "'Text', 'Category'");
        Assert.AreEqual("Label", ex.ColumnName);
        Assert.AreEqual(1, ex.LineNumber);
    }

    [TestMethod]
    public void MissingTextPropertyInJsonNamesTheLineAndPropertiesFound()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(TextFixtures.Bad("missing_text_column.json")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
        Assert.AreEqual("Text", ex.ColumnName);
        StringAssert.Contains(ex.Message, "'Label', 'Body'");
    }

    [TestMethod]
    public void CaseMismatchGetsAHint()
    {
        using MemoryStream s = TextFixtures.Utf8("label,text\nx,y\n");
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(s, "lower.csv"));
        StringAssert.Contains(ex.Message, "did you mean 'text'?");
    }

    [TestMethod]
    public void DuplicateHeaderColumnIsAnError()
    {
        using MemoryStream s = TextFixtures.Utf8("Label,Text,Text\nx,y,z\n");
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(s, "dup.csv"));
        StringAssert.Contains(ex.Message, "fields 2 and 3");
    }

    [TestMethod]
    public void UnknownExtensionIsAnArgumentError()
    {
        ArgumentException ex = Assert.ThrowsExactly<ArgumentException>(() => TextDataLoader.FromFile("data.xlsx"));
        StringAssert.Contains(ex.Message, ".xlsx");
    }

    [TestMethod]
    public void RaggedRowReportsItsLine()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("ragged.csv")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(4, ex.LineNumber);
        StringAssert.Contains(ex.Message, "ragged.csv, line 4");
        StringAssert.Contains(ex.Message, "3 fields");
        StringAssert.Contains(ex.Message, "has 2 (Label, Text)");
    }

    [TestMethod]
    public void RaggedRowAfterAMultiLineRecordReportsItsPhysicalLine()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("ragged_after_multiline.csv")));
        Assert.AreEqual(6, ex.LineNumber);
    }

    [TestMethod]
    public void InvalidUtf8ReportsFileLineAndByteOffset()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("invalid_utf8.csv")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
        Assert.AreEqual(64L, ex.ByteOffset);
        StringAssert.Contains(ex.Message, "invalid_utf8.csv, line 3, byte offset 64");
        StringAssert.Contains(ex.Message, "0xE9");
        StringAssert.Contains(ex.Message, "UTF-8");
    }

    [TestMethod]
    public void InvalidUtf8InJsonIsReportedToo()
    {
        byte[] bytes = [.. "[{\"Text\": \"ok\", \"Label\": \"a\"},\n{\"Text\": \"caf"u8, 0xE9, .. "\", \"Label\": \"b\"}]"u8];
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(new MemoryStream(bytes), "latin1.json"));
        Assert.AreEqual(2, ex.LineNumber);
        Assert.AreEqual(44L, ex.ByteOffset);
    }

    [TestMethod]
    public void Utf16FileIsRefusedWithAHint()
    {
        byte[] bytes = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("Label,Text\n")];
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(new MemoryStream(bytes), "utf16.csv"));
        StringAssert.Contains(ex.Message, "UTF-16");
    }

    [TestMethod]
    public void EmptyTextCanBeAnErrorNamingTheLine()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() =>
            TextDataLoader.FromCsv(TextFixtures.Bad("empty_texts.csv"), new() { EmptyTextHandling = EmptyTextHandling.Error }));
        Assert.AreEqual(3, ex.LineNumber);
        Assert.AreEqual("Text", ex.ColumnName);
        StringAssert.Contains(ex.Message, "empty");
    }

    [TestMethod]
    public void MissingLabelValueIsAnError()
    {
        TextDataException csv = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("missing_label_value.csv")));
        Assert.AreEqual(3, csv.LineNumber);
        Assert.AreEqual("Label", csv.ColumnName);

        TextDataException jsonl = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJsonLines(TextFixtures.Bad("missing_label_value.jsonl")));
        Assert.AreEqual(2, jsonl.LineNumber);
        StringAssert.Contains(jsonl.Message, "label is missing");
    }

    [TestMethod]
    public void UnterminatedQuoteIsReported()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Bad("unterminated_quote.csv")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
        StringAssert.Contains(ex.Message, "quot");
    }

    [TestMethod]
    public void QuoteInsideUnquotedCsvFieldIsReported()
    {
        using MemoryStream s = TextFixtures.Utf8("Label,Text\na,fine\nb,he said \"hi\" loudly\n");
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(s, "quotes.csv"));
        Assert.AreEqual(3, ex.LineNumber);
    }

    [TestMethod]
    public void MalformedJsonLinesReportsTheLine()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJsonLines(TextFixtures.Bad("malformed.jsonl")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
        StringAssert.Contains(ex.Message, "malformed JSON");
    }

    [TestMethod]
    public void MalformedJsonArrayReportsTheLine()
    {
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(TextFixtures.Bad("malformed.json")));
        Console.WriteLine(ex.Message);
        Assert.AreEqual(3, ex.LineNumber);
    }

    [TestMethod]
    public void WrongJsonShapesAreExplained()
    {
        TextDataException lines = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(TextFixtures.Path("topics.jsonl")));
        StringAssert.Contains(lines.Message, "use FromJsonLines");

        TextDataException array = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJsonLines(TextFixtures.Path("topics.json")));
        StringAssert.Contains(array.Message, "use FromJson");

        using MemoryStream s = TextFixtures.Utf8("[{\"Text\": [\"a\"], \"Label\": \"x\"}]");
        TextDataException nested = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(s, "nested.json"));
        StringAssert.Contains(nested.Message, "must be a JSON string but is an array");

        using MemoryStream l = TextFixtures.Utf8("[{\"Text\": \"a\", \"Label\": {\"id\": 1}}]");
        TextDataException label = Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(l, "label.json"));
        StringAssert.Contains(label.Message, "string, number or boolean");
    }

    [TestMethod]
    public void SingleClassIsAClearError()
    {
        TextDataSet d = TextDataLoader.FromCsv(TextFixtures.Bad("single_class.csv"));
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextFeaturizer.Fit(d));
        Console.WriteLine(ex.Message);
        StringAssert.Contains(ex.Message, "single class, 'sports' (3 examples)");
        StringAssert.Contains(ex.Message, "at least two classes");
    }

    [TestMethod]
    public void EmptySourcesAreErrors()
    {
        Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromCsv(TextFixtures.Utf8(""), "empty.csv"));
        Assert.ThrowsExactly<TextDataException>(() => TextDataLoader.FromJson(TextFixtures.Utf8("  "), "empty.json"));
        Assert.AreEqual(0, TextDataLoader.FromJson(TextFixtures.Utf8("[]"), "none.json").Count);
        Assert.AreEqual(0, TextDataLoader.FromJsonLines(TextFixtures.Utf8(""), "none.jsonl").Count);
        TextDataException ex = Assert.ThrowsExactly<TextDataException>(() => TextFeaturizer.Fit(TextDataLoader.FromJson(TextFixtures.Utf8("[]"), "none.json")));
        StringAssert.Contains(ex.Message, "no examples");
    }

    [TestMethod]
    public void BadOptionsAreArgumentErrors()
    {
        Assert.ThrowsExactly<ArgumentException>(() => TextDataLoader.FromCsv(TextFixtures.Path("topics.csv"), new() { TextColumnName = "" }));
        Assert.ThrowsExactly<ArgumentException>(() => TextDataLoader.FromCsv(TextFixtures.Path("topics.csv"), new() { Separator = '"' }));
        Assert.ThrowsExactly<FileNotFoundException>(() => TextDataLoader.FromCsv(TextFixtures.Path("no_such_file.csv")));
    }
}
