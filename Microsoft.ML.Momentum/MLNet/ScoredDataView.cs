using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>The lazy output of a fitted classifier's <c>Transform</c>: nothing is scored until a cursor reads an output column.</summary>
internal sealed class ScoredDataView : IDataView
{
    /// <summary>Rows per forward pass when a cursor scores.</summary>
    internal const int BatchSize = 256;

    private readonly IDataView _source;
    private readonly ScoringMapper _mapper;

    public ScoredDataView(IDataView source, ScoringMapper mapper)
    {
        _source = source;
        _mapper = mapper;
    }

    /// <inheritdoc />
    public bool CanShuffle => _source.CanShuffle;

    /// <inheritdoc />
    public DataViewSchema Schema => _mapper.OutputSchema;

    /// <inheritdoc />
    public long? GetRowCount() => _source.GetRowCount();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        // The lead cursor must meet the rows in the main cursor's order: both get a Random seeded alike.
        var seed = rand?.Next();
        Random? Shuffle() => seed is { } s ? new Random(s) : null;
        var input = _source.GetRowCursor(_mapper.GetDependencies(needed), Shuffle());
        Func<DataViewRowCursor>? lead = _mapper.NeedsScores(needed) ? () => _source.GetRowCursor([_mapper.Feature], Shuffle()) : null;
        return new ScoringCursor(_mapper, input, needed, lead, BatchSize);
    }

    /// <summary>One cursor: batches are read ahead by a lead cursor, which a set of parallel cursors could not keep in step.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];
}
