using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

/// <summary>A <see cref="ClassScorer"/> over one of our models: a batch predictor of items, whose classes are placed at their label keys.</summary>
/// <typeparam name="TItem">What the model predicts from.</typeparam>
internal sealed class ModelScorer<TItem> : ClassScorer
{
    private readonly FeatureInput<TItem> _input;
    private readonly Func<IReadOnlyList<TItem>, IReadOnlyList<ClassPrediction>> _predict;
    private readonly int[] _keyOfClass;

    public ModelScorer(FeatureInput<TItem> input, Func<IReadOnlyList<TItem>, IReadOnlyList<ClassPrediction>> predict,
        IReadOnlyList<string> modelClasses, IReadOnlyList<string> keyClasses)
    {
        _input = input;
        _predict = predict;
        _keyOfClass = KeysOf(modelClasses, keyClasses);
        ClassCount = keyClasses.Count;
    }

    /// <inheritdoc />
    public override int ClassCount { get; }

    /// <inheritdoc />
    public override RowBatch Bind(DataViewRow row, DataViewSchema.Column column) => new Batch(this, _input.CreateReader(row, column));

    /// <summary>The label key (0-based) of each model class, matched by name (the text trainer trims labels as it reads them).</summary>
    private static int[] KeysOf(IReadOnlyList<string> modelClasses, IReadOnlyList<string> keyClasses)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < keyClasses.Count; k++)
        {
            byName.TryAdd(keyClasses[k], k);
            byName.TryAdd(keyClasses[k].Trim(), k);
        }
        return modelClasses.Select(c => byName.TryGetValue(c, out var k) ? k
            : throw new InvalidOperationException($"The model's class '{c}' is not a value of the label key ({string.Join(", ", keyClasses)}).")).ToArray();
    }

    private sealed class Batch(ModelScorer<TItem> scorer, Func<TItem> read) : RowBatch
    {
        private readonly List<TItem> _items = [];

        public override int Count => _items.Count;

        public override void Add() => _items.Add(read());

        public override void ScoreAndClear(Span<float> scores, Span<uint> keys)
        {
            var predictions = scorer._predict(_items);
            var classes = scorer.ClassCount;
            scores[..(predictions.Count * classes)].Clear();
            for (var i = 0; i < predictions.Count; i++)
            {
                var row = scores.Slice(i * classes, classes);
                var prediction = predictions[i];
                for (var c = 0; c < prediction.Score.Count; c++) row[scorer._keyOfClass[c]] = prediction.Score[c];
                keys[i] = (uint)scorer._keyOfClass[prediction.PredictedClass] + 1;
            }
            _items.Clear();
        }
    }
}
