using System.Collections;
using System.Globalization;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Examples loaded by <see cref="TextDataLoader"/> (or a dataset reader), in source order, with what was
/// skipped and where each example came from. Immutable.
/// </summary>
public sealed class TextDataSet : IReadOnlyList<TextExample>
{
    private readonly TextExample[] _examples;
    private readonly int[] _positions;
    private readonly bool _positionsAreLines;

    internal TextDataSet(string sourceName, IReadOnlyCollection<TextExample> examples, int[] positions, bool hasLabels,
        IReadOnlyList<int> skippedEmptyTextLines, bool positionsAreLines = true)
    {
        if (positions.Length != examples.Count)
        {
            throw new ArgumentException("One position per example is required.", nameof(positions));
        }

        SourceName = sourceName;
        _examples = [.. examples];
        _positions = positions;
        _positionsAreLines = positionsAreLines;
        HasLabels = hasLabels;
        IsPair = _examples.Length > 0 && _examples[0].Text2 is not null;
        SkippedEmptyTextLines = skippedEmptyTextLines.ToArray();
    }

    /// <summary>The file path or source name the examples were read from.</summary>
    public string SourceName { get; }

    /// <summary>The number of examples.</summary>
    public int Count => _examples.Length;

    /// <summary>Whether the examples carry labels (they all do, or none does).</summary>
    public bool HasLabels { get; }

    /// <summary>Whether the examples are sentence pairs (every <see cref="TextExample.Text2"/> is set).</summary>
    public bool IsPair { get; }

    /// <summary>How many examples were skipped because their text was empty or white space.</summary>
    public int SkippedEmptyTextCount => SkippedEmptyTextLines.Count;

    /// <summary>
    /// Where the skipped empty examples were: 1-based line numbers for files (the line where the record
    /// starts), 1-based positions in the input sequence for in-memory examples.
    /// </summary>
    public IReadOnlyList<int> SkippedEmptyTextLines { get; }

    /// <summary>The example at <paramref name="index"/>.</summary>
    /// <param name="index">A 0-based index.</param>
    public TextExample this[int index] => _examples[index];

    /// <summary>
    /// The 1-based source line where example <paramref name="index"/> starts, or <see langword="null"/>
    /// when the source has no lines (in-memory examples, dataset readers).
    /// </summary>
    /// <param name="index">A 0-based example index.</param>
    public int? GetLineNumber(int index) => _positionsAreLines && _positions[index] > 0 ? _positions[index] : null;

    /// <summary>Describes where example <paramref name="index"/> came from, e.g. <c>train.csv, line 17</c>.</summary>
    /// <param name="index">A 0-based example index.</param>
    public string DescribeLocation(int index)
    {
        int? line = GetLineNumber(index);
        return line is not null
            ? $"{SourceName}, line {line.Value.ToString(CultureInfo.InvariantCulture)}"
            : $"{SourceName}, example #{_positions[index].ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The distinct labels, in ordinal order (empty when the data has no labels).</summary>
    public IReadOnlyList<string> GetDistinctLabels() =>
        HasLabels ? _examples.Select(e => e.Label!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>A new data set holding the examples at <paramref name="indices"/>, in that order.</summary>
    /// <param name="indices">0-based example indices; repeats are allowed.</param>
    /// <param name="sourceName">The new source name, or <see langword="null"/> to keep this one.</param>
    public TextDataSet Subset(IEnumerable<int> indices, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int[] idx = indices.ToArray();
        var examples = new TextExample[idx.Length];
        var positions = new int[idx.Length];
        for (int i = 0; i < idx.Length; i++)
        {
            examples[i] = _examples[idx[i]];
            positions[i] = _positions[idx[i]];
        }

        return new TextDataSet(sourceName ?? SourceName, examples, positions, HasLabels, [], _positionsAreLines);
    }

    /// <summary>
    /// Splits the examples into two disjoint sets, stratified by label, deterministically for a given seed
    /// on every machine and .NET version: of each label's examples, <c>round(count × fraction)</c> go to the
    /// second set. Source order is kept within each set.
    /// </summary>
    /// <param name="fraction">The fraction for the second set (e.g. a validation set), in (0, 1).</param>
    /// <param name="seed">The seed of the shuffle that picks the examples.</param>
    public (TextDataSet First, TextDataSet Second) SplitStratified(double fraction, int seed)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1).");
        }

        var second = new bool[Count];
        var rng = new SplitMix64((ulong)(uint)seed);
        IEnumerable<IGrouping<string, int>> groups = Enumerable.Range(0, Count)
            .GroupBy(i => _examples[i].Label ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (IGrouping<string, int> group in groups)
        {
            int[] members = group.ToArray();
            rng.Shuffle(members);
            int take = (int)Math.Round(members.Length * fraction, MidpointRounding.AwayFromZero);
            for (int i = 0; i < take; i++)
            {
                second[members[i]] = true;
            }
        }

        return (Subset(Enumerable.Range(0, Count).Where(i => !second[i])),
                Subset(Enumerable.Range(0, Count).Where(i => second[i])));
    }

    /// <inheritdoc/>
    public IEnumerator<TextExample> GetEnumerator() => ((IEnumerable<TextExample>)_examples).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _examples.GetEnumerator();
}
