using System.Globalization;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Maps label keys to class indices 0 … <see cref="Count"/> − 1 and back. The order is deterministic: numeric
/// order when every label is an integer (so <c>"2"</c> precedes <c>"10"</c>), otherwise ordinal string order.
/// Labels are compared after trimming, case-sensitively. Immutable; saved with the model.
/// </summary>
public sealed class LabelMap
{
    private readonly string[] _classes;
    private readonly Dictionary<string, int> _index;

    private LabelMap(string[] classes)
    {
        _classes = classes;
        _index = new Dictionary<string, int>(classes.Length, StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
        {
            _index.Add(classes[i], i);
        }

        IsNumeric = classes.All(c => TryParseInteger(c, out _));
    }

    /// <summary>The class labels, in class-index order.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>The number of classes.</summary>
    public int Count => _classes.Length;

    /// <summary>Whether every label is an integer (and the classes are therefore in numeric order).</summary>
    public bool IsNumeric { get; }

    /// <summary>
    /// Builds the map from the labels seen in training data. Fails with a clear message when there are no
    /// labels, a missing label, or a single class (a classifier needs at least two).
    /// </summary>
    /// <param name="labels">Every training label (repeats expected).</param>
    /// <param name="sourceName">The data's name for error messages, or <see langword="null"/>.</param>
    public static LabelMap FromTrainingLabels(IEnumerable<string?> labels, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int position = 0;
        foreach (string? raw in labels)
        {
            position++;
            string label = ExampleCollector.NormalizeLabel(raw)
                ?? throw new TextDataException(sourceName, null, null, $"example #{position} has no label; training data needs a label on every example.");
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        if (counts.Count == 0)
        {
            throw new TextDataException(sourceName, null, null, "the training data has no examples, so no classes.");
        }

        if (counts.Count == 1)
        {
            (string only, int n) = counts.First();
            throw new TextDataException(sourceName, null, null,
                $"the training data has a single class, '{only}' ({n} examples); a classifier needs examples of at least two classes. " +
                "Check LabelColumnName and that the right file was loaded.");
        }

        return new LabelMap(Sort(counts.Keys));
    }

    /// <summary>Builds the map from the training data's labels. See <see cref="FromTrainingLabels(IEnumerable{string?}, string?)"/>.</summary>
    /// <param name="data">Labelled training data.</param>
    public static LabelMap FromTrainingData(TextDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.HasLabels)
        {
            throw new TextDataException(data.SourceName, null, null, "the data has no labels (it was loaded with LabelColumnName = null).");
        }

        return FromTrainingLabels(data.Select(e => e.Label), data.SourceName);
    }

    /// <summary>
    /// Builds a map from a declared set of classes (at least two, no duplicates after trimming), sorted the
    /// same way as <see cref="FromTrainingLabels"/>.
    /// </summary>
    /// <param name="classes">The class labels.</param>
    public static LabelMap FromClasses(IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        string[] trimmed = classes.Select(c => ExampleCollector.NormalizeLabel(c)
            ?? throw new ArgumentException("A class label is null or empty.", nameof(classes))).ToArray();
        string? duplicate = trimmed.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"The class '{duplicate}' is listed more than once.", nameof(classes));
        }

        if (trimmed.Length < 2)
        {
            throw new ArgumentException($"A classifier needs at least two classes; {trimmed.Length} given.", nameof(classes));
        }

        return new LabelMap(Sort(trimmed));
    }

    /// <summary>
    /// Looks up a label's class index. Returns <see langword="false"/> for a label never seen in training
    /// (for example a new label in evaluation data).
    /// </summary>
    /// <param name="label">The label (trimmed before lookup).</param>
    /// <param name="classIndex">The class index, or −1.</param>
    public bool TryGetClass(string? label, out int classIndex)
    {
        string? key = ExampleCollector.NormalizeLabel(label);
        if (key is not null && _index.TryGetValue(key, out classIndex))
        {
            return true;
        }

        classIndex = -1;
        return false;
    }

    /// <summary>The class index of <paramref name="label"/>; throws for a label not seen in training.</summary>
    /// <param name="label">The label.</param>
    /// <exception cref="KeyNotFoundException">The label is not one of <see cref="Classes"/>.</exception>
    public int GetClass(string label) =>
        TryGetClass(label, out int index)
            ? index
            : throw new KeyNotFoundException($"The label '{label}' was not seen in training; the known classes are: {Describe()}.");

    /// <summary>The label of class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">A class index in [0, <see cref="Count"/>).</param>
    public string GetLabel(int classIndex) =>
        (uint)classIndex < (uint)_classes.Length
            ? _classes[classIndex]
            : throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"Class indices are 0 … {_classes.Length - 1}.");

    /// <summary>The labels, quoted and comma-separated (at most 20, then a count), for messages.</summary>
    public string Describe() =>
        string.Join(", ", _classes.Take(20).Select(c => $"'{c}'")) + (_classes.Length > 20 ? $", … ({_classes.Length} in all)" : string.Empty);

    /// <summary>Serializes the map as a JSON document (<c>{"formatVersion":1,"classes":[…]}</c>).</summary>
    public string ToJson() => JsonDocuments.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("formatVersion", 1);
        WriteClasses(w);
        w.WriteEndObject();
    });

    /// <summary>Reads a map written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    public static LabelMap FromJson(string json)
    {
        using JsonDocument doc = JsonDocuments.Parse(json, "label map");
        JsonDocuments.CheckVersion(doc.RootElement, "formatVersion", 1, "label map");
        return ReadClasses(doc.RootElement, "label map");
    }

    internal void WriteClasses(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("classes");
        foreach (string c in _classes)
        {
            writer.WriteStringValue(c);
        }

        writer.WriteEndArray();
    }

    internal static LabelMap ReadClasses(JsonElement owner, string what)
    {
        string[] classes = JsonDocuments.GetStringArray(owner, "classes", what);
        if (classes.Length < 2 || classes.Distinct(StringComparer.Ordinal).Count() != classes.Length)
        {
            throw new InvalidDataException($"The {what} must list at least two distinct classes.");
        }

        // Keep the saved order: it defines the class indices the model was trained with.
        return new LabelMap(classes);
    }

    private static string[] Sort(IEnumerable<string> labels)
    {
        string[] all = labels.ToArray();
        if (all.All(l => TryParseInteger(l, out _)))
        {
            return all.OrderBy(l => { TryParseInteger(l, out System.Numerics.BigInteger v); return v; })
                      .ThenBy(l => l, StringComparer.Ordinal).ToArray();
        }

        return all.Order(StringComparer.Ordinal).ToArray();
    }

    private static bool TryParseInteger(string s, out System.Numerics.BigInteger value) =>
        System.Numerics.BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
