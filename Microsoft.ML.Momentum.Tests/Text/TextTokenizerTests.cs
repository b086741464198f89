using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class TextTokenizerTests
{
    private static string[] Tok(string text, TextTokenizerOptions? options = null) => new TextTokenizer(options).Tokenize(text).ToArray();

    [TestMethod]
    [DataRow("Hello, World!", "hello|world")]
    [DataRow("  multiple\t\tspaces\nand lines  ", "multiple|spaces|and|lines")]
    [DataRow("Don't stop — it's Costner's film.", "don't|stop|it's|costner's|film")]
    [DataRow("It’s typographic", "it's|typographic")]
    [DataRow("'quoted' words", "quoted|words")]
    [DataRow("Costs 3.5 or 1,000 dollars, ok.", "costs|3.5|or|1,000|dollars|ok")]
    [DataRow("end. 42. next", "end|42|next")]
    [DataRow("state-of-the-art e-mail", "state|of|the|art|e|mail")]
    [DataRow("snake_case and C#", "snake|case|and|c")]
    [DataRow("", "")]
    [DataRow("!!! ... ???", "")]
    public void SplitsWordsAndDropsPunctuation(string text, string expected)
    {
        CollectionAssert.AreEqual(expected.Length == 0 ? Array.Empty<string>() : expected.Split('|'), Tok(text));
    }

    [TestMethod]
    public void LowerCasingIsUnicodeAwareAndCultureInvariant()
    {
        CollectionAssert.AreEqual(new[] { "école", "ΑΘΗΝΑ".ToLowerInvariant(), "москва", "straße" }, Tok("ÉCOLE ΑΘΗΝΑ МОСКВА Straße"));
        // Invariant, not Turkish: 'I' lower-cases to 'i' whatever the current culture.
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            CollectionAssert.AreEqual(new[] { "istanbul" }, Tok("ISTANBUL"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        CollectionAssert.AreEqual(new[] { "Hello", "World" }, Tok("Hello World", new() { LowerCase = false }));
    }

    [TestMethod]
    public void NormalizationUnifiesComposedAndCompatibilityForms()
    {
        // "é" precomposed vs "e" + combining acute; full-width Latin; the "fi" ligature.
        CollectionAssert.AreEqual(Tok("caf\u00e9"), Tok("cafe\u0301"));
        CollectionAssert.AreEqual(new[] { "abc", "123" }, Tok("ＡＢＣ　１２３"));
        CollectionAssert.AreEqual(new[] { "finance" }, Tok("\ufb01nance"));
        CollectionAssert.AreEqual(new[] { "cafe\u0301" }, Tok("cafe\u0301", new() { NormalizeUnicode = false }));
    }

    [TestMethod]
    public void CjkCharactersAreTokensAndOtherScriptsAreWords()
    {
        CollectionAssert.AreEqual(new[] { "東", "京", "大", "学", "で", "勉", "強", "し", "た" }, Tok("東京大学で勉強した。"));
        CollectionAssert.AreEqual(new[] { "i", "love", "北", "京", "ok" }, Tok("I love北京ok"));
        CollectionAssert.AreEqual(new[] { "서울은", "아름답다" }, Tok("서울은 아름답다."));
        CollectionAssert.AreEqual(new[] { "مرحبا", "بالعالم" }, Tok("مرحبا بالعالم!"));
        CollectionAssert.AreEqual(new[] { "नमस्ते", "दुनिया" }, Tok("नमस्ते दुनिया"), "combining vowel signs stay in the word");
        CollectionAssert.AreEqual(new[] { "東京大学" }, Tok("東京大学", new() { SplitCjkCharacters = false }));
        CollectionAssert.AreEqual(new[] { "\U00020000", "x" }, Tok("\U00020000x"), "supplementary-plane ideographs");
    }

    [TestMethod]
    public void PunctuationAndSymbolsCanBeKept()
    {
        CollectionAssert.AreEqual(new[] { "wow", "!", "great", "👍", ":", ")" }, Tok("Wow! Great 👍 :)", new() { KeepPunctuation = true }));
        CollectionAssert.AreEqual(new[] { "wow", "great" }, Tok("Wow! Great 👍 :)"));
    }

    [TestMethod]
    public void InvisibleFormatCharactersAreDropped()
    {
        CollectionAssert.AreEqual(new[] { "information" }, Tok("infor\u00admation"));
        CollectionAssert.AreEqual(new[] { "zero", "width" }, Tok("zero\u200b width"));
        CollectionAssert.AreEqual(new[] { "a", "b" }, Tok("a\u0000b"));
    }

    [TestMethod]
    public void HtmlTagsAreStrippedAndEntitiesDecodedWhenAsked()
    {
        var html = new TextTokenizerOptions { StripHtml = true };
        CollectionAssert.AreEqual(new[] { "great", "film", "loved", "it", "tom", "jerry" },
            Tok("Great film.<br /><br />Loved it &mdash; <i>Tom &amp; Jerry</i>", html));
        CollectionAssert.AreEqual(new[] { "a", "b", "and", "c", "d" }, Tok("a < b and c > d", html), "comparisons are not tags");
        CollectionAssert.AreEqual(new[] { "x", "y" }, Tok("x<!-- comment -->y", html));
        CollectionAssert.AreEqual(new[] { "it's", "b" }, Tok("it&#39;s &lt;b&gt;", html), "decoded brackets are text, not tags");
        CollectionAssert.AreEqual(new[] { "lt", "b", "gt" }, Tok("&lt;b&gt;"));
        CollectionAssert.AreEqual(new[] { "br", "great" }, Tok("<br />great"), "off by default");
    }

    [TestMethod]
    public void LongTokensAreCutAndTokenCountCanBeLimited()
    {
        string longWord = new('a', 1000);
        CollectionAssert.AreEqual(new[] { new string('a', 100), "b" }, Tok(longWord + " b"));
        CollectionAssert.AreEqual(new[] { "aaaaa" }, Tok(longWord, new() { MaxTokenLength = 5 }));

        var tokenizer = new TextTokenizer();
        CollectionAssert.AreEqual(new[] { "one", "two" }, tokenizer.Tokenize("one two three four", 2).ToArray());
        CollectionAssert.AreEqual(new[] { "東", "京" }, tokenizer.Tokenize("東京大学", 2).ToArray());
        Assert.AreEqual(0, tokenizer.Tokenize("one", 0).Count);
    }

    [TestMethod]
    public void VeryLongDocumentsAreCheapWhenLimited()
    {
        string huge = string.Join(' ', Enumerable.Repeat("word", 2_000_000));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<string> tokens = new TextTokenizer().Tokenize(huge, 512);
        sw.Stop();
        Assert.AreEqual(512, tokens.Count);
        Console.WriteLine($"first 512 tokens of a 10 MB document: {sw.Elapsed.TotalMilliseconds:F2} ms");
    }

    [TestMethod]
    public void OptionsAreCopied()
    {
        var options = new TextTokenizerOptions();
        var tokenizer = new TextTokenizer(options);
        options.LowerCase = false;
        Assert.IsTrue(tokenizer.Options.LowerCase);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TextTokenizer(new() { MaxTokenLength = 0 }));
    }
}
