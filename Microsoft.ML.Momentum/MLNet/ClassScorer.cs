using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// Scores rows in batches with a trained model: collects the current row's input, then scores all collected rows
/// in one forward pass into per-key scores (a class the model never saw scores 0) and predicted keys (1-based).
/// </summary>
internal abstract class ClassScorer
{
    /// <summary>Number of classes of the label key (the length of each score vector).</summary>
    public abstract int ClassCount { get; }

    /// <summary>A batch collector reading <paramref name="column"/> of <paramref name="row"/>.</summary>
    public abstract RowBatch Bind(DataViewRow row, DataViewSchema.Column column);

    /// <summary>Rows collected from one row or cursor, waiting to be scored.</summary>
    public abstract class RowBatch
    {
        /// <summary>Rows collected.</summary>
        public abstract int Count { get; }

        /// <summary>Collects the row's current value.</summary>
        public abstract void Add();

        /// <summary>Scores the collected rows into <paramref name="scores"/> (Count × ClassCount) and <paramref name="keys"/>, then forgets them.</summary>
        public abstract void ScoreAndClear(Span<float> scores, Span<uint> keys);
    }
}
