using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// A fitted classifier bound to one input schema: the output schema (input columns, then <c>Score</c> and
/// <c>PredictedLabel</c>), the input columns the outputs depend on, and single rows scored on demand (what
/// <c>PredictionEngine</c> uses); <see cref="ScoredDataView"/> uses it for cursors that score in batches.
/// </summary>
internal sealed class ScoringMapper : IRowToRowMapper
{
    public ScoringMapper(DataViewSchema inputSchema, ScoreColumns columns, ClassScorer scorer, DataViewSchema.Column feature)
    {
        InputSchema = inputSchema;
        OutputSchema = columns.OutputSchema(inputSchema);
        Scorer = scorer;
        Feature = feature;
    }

    /// <inheritdoc />
    public DataViewSchema InputSchema { get; }

    /// <inheritdoc />
    public DataViewSchema OutputSchema { get; }

    /// <summary>Scores collected rows.</summary>
    public ClassScorer Scorer { get; }

    /// <summary>The input column the model reads.</summary>
    public DataViewSchema.Column Feature { get; }

    private int ScoreIndex => InputSchema.Count;

    /// <summary>True when any of <paramref name="columns"/> is an output of the classifier.</summary>
    public bool NeedsScores(IEnumerable<DataViewSchema.Column> columns) => columns.Any(c => c.Index >= ScoreIndex);

    /// <inheritdoc />
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var columns = dependingColumns.ToArray();
        var inputs = columns.Where(c => c.Index < ScoreIndex).Select(c => InputSchema[c.Index]).ToList();
        if (NeedsScores(columns) && inputs.All(c => c.Index != Feature.Index)) inputs.Add(Feature);
        return inputs;
    }

    /// <inheritdoc />
    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
        => new ScoringRow(this, input, activeColumns);

    /// <summary>
    /// The getter of input column <paramref name="column"/>, or of an output, whose values <paramref name="slot"/>
    /// (scoring the current row if needed) locates in <paramref name="scores"/> and <paramref name="keys"/>.
    /// </summary>
    public ValueGetter<TValue> GetGetter<TValue>(DataViewRow input, DataViewSchema.Column column, Func<int> slot, float[] scores, uint[] keys)
    {
        if (column.Index < ScoreIndex) return input.GetGetter<TValue>(input.Schema[column.Index]);
        var classes = Scorer.ClassCount;
        if (column.Index == ScoreIndex)
        {
            ValueGetter<VBuffer<float>> score = (ref VBuffer<float> value) =>
            {
                var at = slot() * classes;
                var editor = VBufferEditor.Create(ref value, classes);
                scores.AsSpan(at, classes).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return score as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds VBuffer<Single> values; {typeof(TValue).Name} was asked for.");
        }
        ValueGetter<uint> key = (ref uint value) => value = keys[slot()];
        return key as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds UInt32 keys; {typeof(TValue).Name} was asked for.");
    }
}
