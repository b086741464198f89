using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class NGramHasherTests
{
    [TestMethod]
    [DataRow("", 0xcbf29ce484222325UL)]
    [DataRow("a", 0xaf63dc4c8601ec8cUL)]
    [DataRow("foobar", 0x85944171f73967e8UL)]
    public void Fnv1aMatchesThePublishedTestVectors(string text, ulong expected)
    {
        Assert.AreEqual(expected, Fnv1a64.Hash(text.AsSpan()));
        Assert.AreEqual(expected, Fnv1a64.Hash(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [TestMethod]
    public void NGramHashesAreFixedConstants()
    {
        // Golden values computed independently (Python: FNV-1a 64 over the UTF-8 of the words joined by one
        // space). If these change, every saved model's n-gram ids change: that needs a new HashScheme.
        Assert.AreEqual(0xa361ce1f22a20d88UL, NGramHasher.Hash("new", "york"));
        Assert.AreEqual(0x552dd075e85efd8fUL, NGramHasher.Hash("café", "crème"));
        Assert.AreEqual(0x31ec9c3474e495e7UL, NGramHasher.Hash("東京", "大学"));
        var hasher = new NGramHasher(2, 100_000);
        Assert.AreEqual(40872, hasher.GetBucket("new", "york"));
        Assert.AreEqual(44527, hasher.GetBucket("café", "crème"));
        Assert.AreEqual(53767, hasher.GetBucket("東京", "大学"));
    }

    [TestMethod]
    public void BucketsAreInRangeAndOrderMatters()
    {
        var hasher = new NGramHasher(3, 7);
        for (int i = 0; i < 1000; i++)
        {
            int b = hasher.GetBucket($"w{i}", $"v{i * 7}");
            Assert.IsTrue(b is >= 0 and < 7);
        }

        Assert.AreNotEqual(NGramHasher.Hash("a", "b"), NGramHasher.Hash("b", "a"));
        Assert.AreNotEqual(NGramHasher.Hash("ab", "c"), NGramHasher.Hash("a", "bc"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new NGramHasher(1, 10));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new NGramHasher(2, 0));
    }
}
