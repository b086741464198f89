using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

/// <summary>
/// A fitted Momentum classifier in an ML.NET pipeline: appends <c>Score</c> (a <c>Vector&lt;Single, K&gt;</c> of class
/// probabilities with the class names as slot names) and <c>PredictedLabel</c> (a key with the label's values), computed
/// lazily and in batches, so <c>MapKeyToValue</c>, <c>mlContext.MulticlassClassification.Evaluate</c>,
/// <c>CrossValidate</c> and <c>PredictionEngine</c> work as with ML.NET's own trainers. Thread-safe. It is not
/// <see cref="IDisposable"/>: ML.NET disposes disposable transformers with every <c>PredictionEngine</c> it made from
/// them, which would release the network while the model is still in use; call <c>Model.Dispose()</c> to release it early.
/// </summary>
/// <typeparam name="TModel">The trained model (<see cref="ImageClassificationModel"/> or <see cref="TextClassificationModel"/>).</typeparam>
public sealed class MomentumClassificationTransformer<TModel> : ISingleFeaturePredictionTransformer<TModel>
    where TModel : ClassificationModel
{
    private readonly ScoreColumns _columns;
    private readonly ClassScorer _scorer;
    private readonly Func<DataViewSchema, DataViewSchema.Column> _findFeature;

    internal MomentumClassificationTransformer(TModel model, DataViewSchema.Column feature, ScoreColumns columns, ClassScorer scorer,
        Func<DataViewSchema, DataViewSchema.Column> findFeature)
    {
        Model = model;
        FeatureColumnName = feature.Name;
        FeatureColumnType = feature.Type;
        _columns = columns;
        _scorer = scorer;
        _findFeature = findFeature;
    }

    /// <summary>The trained model (its own <c>Predict</c>, <c>Evaluate</c> and <c>Save</c> remain available).</summary>
    public TModel Model { get; }

    /// <summary>The input column the model reads (images or text).</summary>
    public string FeatureColumnName { get; }

    /// <summary>The type of <see cref="FeatureColumnName"/> at training.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The output column of class probabilities.</summary>
    public string ScoreColumnName => _columns.ScoreColumnName;

    /// <summary>The output column of the predicted label key.</summary>
    public string PredictedLabelColumnName => _columns.PredictedLabelColumnName;

    /// <summary>Class names by label key (1-based key k is <c>ClassNames[k − 1]</c>), the slot names of <see cref="ScoreColumnName"/>.</summary>
    public IReadOnlyList<string> ClassNames => _columns.ClassNames;

    /// <summary>True: each row is scored from its own input (what <c>PredictionEngine</c> needs).</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The schema <see cref="Transform"/> produces for <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or of another type; the message names it.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).OutputSchema;

    /// <summary>Appends the score and predicted-label columns; nothing is computed until a cursor reads them.</summary>
    /// <param name="input">Data with the input column.</param>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(input, Bind(input.Schema));
    }

    /// <summary>Scores single rows of <paramref name="inputSchema"/> (what <c>PredictionEngine</c> uses).</summary>
    /// <param name="inputSchema">The input schema.</param>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Bind(inputSchema);

    /// <summary>
    /// Not supported yet: ML.NET's model file can only hold ML.NET's own transformers, and the ONNX hand-off that will
    /// store this network there is still to come. Save the network with <c>Model.Save(path)</c> instead.
    /// </summary>
    /// <param name="ctx">ML.NET's save context.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx)
        => throw new NotSupportedException(
            $"mlContext.Model.Save cannot store a Momentum {typeof(TModel).Name} yet; save the trained network with transformer.Model.Save(path) " +
            $"and load it with {typeof(TModel).Name}.Load(path).");

    private ScoringMapper Bind(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new ScoringMapper(inputSchema, _columns, _scorer, _findFeature(inputSchema));
    }
}
