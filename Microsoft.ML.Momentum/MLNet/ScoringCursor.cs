using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// A cursor over the input with the classifier's outputs, scored lazily in batches. The first time an output is read
/// at a row outside the current batch, a second cursor over the input (the lead, reading only the model's input
/// column) reads that row and the next ones up to the batch size, and scores them in one forward pass; nothing is
/// scored when no output is read. The lead must meet the same rows in the same order: each batch row's id is
/// compared with the main cursor's, and on a mismatch (a source whose cursors disagree) the cursor scores each row
/// alone from then on.
/// </summary>
internal sealed class ScoringCursor : DataViewRowCursor
{
    private readonly ScoringMapper _mapper;
    private readonly DataViewRowCursor _input;
    private readonly HashSet<int> _active;
    private readonly Func<DataViewRowCursor>? _openLead;
    private readonly int _batchSize;
    private readonly float[] _scores;
    private readonly uint[] _keys;
    private readonly DataViewRowId[] _ids;
    private readonly ValueGetter<DataViewRowId> _inputId;
    private DataViewRowCursor? _lead;
    private ValueGetter<DataViewRowId>? _leadId;
    private ClassScorer.RowBatch? _leadBatch;
    private ClassScorer.RowBatch? _singleBatch;
    private long _leadRows;
    private long _batchStart = -1;
    private int _batchCount;
    private long _singlePosition = -1;
    private bool _batching;

    public ScoringCursor(ScoringMapper mapper, DataViewRowCursor input, IEnumerable<DataViewSchema.Column> active, Func<DataViewRowCursor>? openLead, int batchSize)
    {
        _mapper = mapper;
        _input = input;
        _active = active.Select(c => c.Index).ToHashSet();
        _openLead = openLead;
        _batchSize = batchSize;
        _scores = new float[batchSize * mapper.Scorer.ClassCount];
        _keys = new uint[batchSize];
        _ids = new DataViewRowId[batchSize];
        _inputId = input.GetIdGetter();
        _batching = openLead is not null;
    }

    /// <inheritdoc />
    public override DataViewSchema Schema => _mapper.OutputSchema;

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override bool MoveNext() => _input.MoveNext();

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column)) throw new InvalidOperationException($"Column '{column.Name}' is not active.");
        return _mapper.GetGetter<TValue>(_input, column, Slot, _scores, _keys);
    }

    /// <summary>Where the current row's outputs are in the buffers, scoring them first if needed.</summary>
    private int Slot()
    {
        var position = _input.Position;
        if (_batching)
        {
            if (position < _batchStart || position >= _batchStart + _batchCount) ScoreBatchFrom(position);
            var slot = (int)(position - _batchStart);
            if (_batchCount > 0 && slot >= 0 && slot < _batchCount && SameRow(slot)) return slot;
            StopBatching();
        }
        if (_singlePosition != position)
        {
            _singleBatch ??= _mapper.Scorer.Bind(_input, _mapper.Feature);
            _singleBatch.Add();
            _singleBatch.ScoreAndClear(_scores, _keys);
            _singlePosition = position;
            _batchStart = -1;
            _batchCount = 0;
        }
        return 0;
    }

    /// <summary>Moves the lead to row <paramref name="position"/> and scores it and the rows after it.</summary>
    private void ScoreBatchFrom(long position)
    {
        if (_lead is null)
        {
            _lead = _openLead!();
            _leadId = _lead.GetIdGetter();
            _leadBatch = _mapper.Scorer.Bind(_lead, _lead.Schema[_mapper.Feature.Index]);
        }
        _batchStart = position;
        _batchCount = 0;
        while (_leadRows < position)
        {
            if (!_lead.MoveNext()) return;
            _leadRows++;
        }
        while (_batchCount < _batchSize && _lead.MoveNext())
        {
            _leadRows++;
            _leadId!(ref _ids[_batchCount]);
            _leadBatch!.Add();
            _batchCount++;
        }
        if (_batchCount > 0) _leadBatch!.ScoreAndClear(_scores, _keys);
    }

    private bool SameRow(int slot)
    {
        DataViewRowId id = default;
        _inputId(ref id);
        return id.Equals(_ids[slot]);
    }

    private void StopBatching()
    {
        _lead?.Dispose();
        _lead = null;
        _batchStart = -1;
        _batchCount = 0;
        _singlePosition = -1;
        _batching = false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lead?.Dispose();
            _input.Dispose();
        }
        base.Dispose(disposing);
    }
}
