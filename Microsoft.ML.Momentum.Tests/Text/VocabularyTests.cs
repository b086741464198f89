using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class VocabularyTests
{
    private static readonly string[][] Docs =
    [
        ["the", "cat", "sat"],
        ["the", "dog", "sat"],
        ["the", "cat", "ran", "zebra"],
        ["apple"],
    ];

    [TestMethod]
    public void ReservedIdsComeFirstThenCountDescendingThenOrdinal()
    {
        Vocabulary v = Vocabulary.Build(Docs);
        CollectionAssert.AreEqual(
            new[] { "<pad>", "<unk>", "<sep>", "the", "cat", "sat", "apple", "dog", "ran", "zebra" },
            v.Tokens.ToArray());
        Assert.AreEqual(Vocabulary.PaddingToken, v.GetToken(0));
        Assert.AreEqual(Vocabulary.UnknownToken, v.GetToken(1));
        Assert.AreEqual(Vocabulary.SeparatorToken, v.GetToken(2));
        Assert.AreEqual(10, v.Count);
        Assert.AreEqual(7, v.WordCount);
        Assert.AreEqual(3L, v.GetCount(v.GetId("the")));
        Assert.AreEqual(0L, v.GetCount(Vocabulary.UnknownId));
    }

    [TestMethod]
    public void UnknownWordsMapToTheUnknownId()
    {
        Vocabulary v = Vocabulary.Build(Docs);
        Assert.AreEqual(Vocabulary.UnknownId, v.GetId("unicorn"));
        Assert.AreEqual(Vocabulary.UnknownId, v.GetId("<pad>"), "reserved tokens are not words");
        Assert.IsFalse(v.TryGetId("unicorn", out int id));
        Assert.AreEqual(Vocabulary.UnknownId, id);
        Assert.AreEqual(v.GetId("cat"), v.GetId("a cat".AsSpan(2)));
        Assert.AreEqual("cat", v.GetToken(v.GetId("cat")));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => v.GetToken(v.Count));
    }

    [TestMethod]
    public void MinCountAndMaxSizeAreApplied()
    {
        Vocabulary min2 = Vocabulary.Build(Docs, minCount: 2);
        CollectionAssert.AreEqual(new[] { "the", "cat", "sat" }, min2.Tokens.Skip(3).ToArray());
        Assert.AreEqual(Vocabulary.UnknownId, min2.GetId("dog"));

        Vocabulary max5 = Vocabulary.Build(Docs, maxSize: 5);
        Assert.AreEqual(5, max5.Count, "MaxSize counts the reserved ids");
        CollectionAssert.AreEqual(new[] { "the", "cat" }, max5.Tokens.Skip(3).ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Vocabulary.Build(Docs, minCount: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Vocabulary.Build(Docs, maxSize: 2));
    }

    [TestMethod]
    public void ResultDoesNotDependOnInsertionOrderOrMerging()
    {
        Vocabulary forward = Vocabulary.Build(Docs);
        Vocabulary backward = Vocabulary.Build(Docs.Reverse().Select(d => d.Reverse()));
        var a = new VocabularyBuilder();
        var b = new VocabularyBuilder();
        a.AddRange(Docs[0]);
        a.AddRange(Docs[1]);
        b.AddRange(Docs[2]);
        b.AddRange(Docs[3]);
        b.Merge(a);
        CollectionAssert.AreEqual(forward.Tokens.ToArray(), backward.Tokens.ToArray());
        CollectionAssert.AreEqual(forward.Tokens.ToArray(), b.Build().Tokens.ToArray());
    }
}
