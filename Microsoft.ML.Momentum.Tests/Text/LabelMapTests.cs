using Microsoft.ML.Momentum.Data.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Text;

[TestClass]
public sealed class LabelMapTests
{
    [TestMethod]
    public void IntegerLabelsSortNumerically()
    {
        LabelMap map = LabelMap.FromTrainingData(TextDataLoader.FromJson(TextFixtures.Path("numeric_labels.json")));
        CollectionAssert.AreEqual(new[] { "1", "2", "10" }, map.Classes.ToArray());
        Assert.IsTrue(map.IsNumeric);
        Assert.AreEqual(2, map.GetClass("10"));
        CollectionAssert.AreEqual(new[] { "-3", "0", "7" }, LabelMap.FromTrainingLabels(["7", "-3", "0", "7"]).Classes.ToArray());
    }

    [TestMethod]
    public void OtherLabelsSortOrdinally()
    {
        LabelMap map = LabelMap.FromTrainingData(TextFixtures.LoadTopicsCsv());
        CollectionAssert.AreEqual(TextFixtures.Topics, map.Classes.ToArray());
        Assert.IsFalse(map.IsNumeric);
        CollectionAssert.AreEqual(new[] { "10", "2", "B", "a" }, LabelMap.FromTrainingLabels(["a", "B", "10", "2"]).Classes.ToArray());
        CollectionAssert.AreEqual(new[] { "false", "true" },
            LabelMap.FromTrainingData(TextDataLoader.FromJsonLines(TextFixtures.Path("boolean_labels.jsonl"))).Classes.ToArray());
    }

    [TestMethod]
    public void UnseenLabelsCanBeQueried()
    {
        LabelMap map = LabelMap.FromTrainingData(TextFixtures.LoadTopicsCsv());
        Assert.IsTrue(map.TryGetClass(" sports ", out int sports));
        Assert.AreEqual("sports", map.GetLabel(sports));
        Assert.IsFalse(map.TryGetClass("politics", out int unknown));
        Assert.AreEqual(-1, unknown);
        Assert.IsFalse(map.TryGetClass("Sports", out _), "labels are case-sensitive");
        Assert.IsFalse(map.TryGetClass(null, out _));
        KeyNotFoundException ex = Assert.ThrowsExactly<KeyNotFoundException>(() => map.GetClass("politics"));
        StringAssert.Contains(ex.Message, "'computers', 'cooking', 'sports', 'weather'");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => map.GetLabel(4));
    }

    [TestMethod]
    public void SingleOrMissingLabelsAreErrors()
    {
        Assert.ThrowsExactly<TextDataException>(() => LabelMap.FromTrainingLabels(["x", "x"]));
        Assert.ThrowsExactly<TextDataException>(() => LabelMap.FromTrainingLabels(["x", null]));
        Assert.ThrowsExactly<TextDataException>(() => LabelMap.FromTrainingLabels([]));
        Assert.ThrowsExactly<ArgumentException>(() => LabelMap.FromClasses(["x"]));
        Assert.ThrowsExactly<ArgumentException>(() => LabelMap.FromClasses(["x", " x"]));
        TextDataException noLabels = Assert.ThrowsExactly<TextDataException>(() =>
            LabelMap.FromTrainingData(TextDataLoader.FromCsv(TextFixtures.Path("topics.csv"), new() { LabelColumnName = null })));
        StringAssert.Contains(noLabels.Message, "no labels");
    }

    [TestMethod]
    public void JsonRoundTripKeepsTheOrder()
    {
        LabelMap map = LabelMap.FromClasses(["b", "a", "c"]);
        string json = map.ToJson();
        LabelMap back = LabelMap.FromJson(json);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, back.Classes.ToArray());
        Assert.AreEqual(json, back.ToJson());
        InvalidDataException ex = Assert.ThrowsExactly<InvalidDataException>(() => LabelMap.FromJson("{\"formatVersion\": 2, \"classes\": [\"a\", \"b\"]}"));
        StringAssert.Contains(ex.Message, "upgrade");
    }
}
