using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>One input row with the classifier's outputs, scored alone when first read at each position (what <c>PredictionEngine</c> drives).</summary>
internal sealed class ScoringRow : DataViewRow
{
    private readonly ScoringMapper _mapper;
    private readonly DataViewRow _input;
    private readonly HashSet<int> _active;
    private readonly ClassScorer.RowBatch? _batch;
    private readonly float[] _scores;
    private readonly uint[] _keys = new uint[1];
    private long _scoredPosition = -1;

    public ScoringRow(ScoringMapper mapper, DataViewRow input, IEnumerable<DataViewSchema.Column> active)
    {
        _mapper = mapper;
        _input = input;
        _active = active.Select(c => c.Index).ToHashSet();
        _scores = new float[mapper.Scorer.ClassCount];
        if (mapper.NeedsScores(active)) _batch = mapper.Scorer.Bind(input, mapper.Feature);
    }

    /// <inheritdoc />
    public override DataViewSchema Schema => _mapper.OutputSchema;

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column)) throw new InvalidOperationException($"Column '{column.Name}' is not active.");
        return _mapper.GetGetter<TValue>(_input, column, Score, _scores, _keys);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }

    private int Score()
    {
        if (_scoredPosition != _input.Position)
        {
            _batch!.Add();
            _batch.ScoreAndClear(_scores, _keys);
            _scoredPosition = _input.Position;
        }
        return 0;
    }
}
