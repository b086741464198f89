using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The two columns a fitted classifier appends, as ML.NET's multiclass scorers write them: <c>Score</c>, a
/// <c>Vector&lt;Single, K&gt;</c> whose <c>SlotNames</c> are the class names, and <c>PredictedLabel</c>, a
/// <c>Key&lt;UInt32, K&gt;</c> carrying the label's <c>KeyValues</c> (so <c>MapKeyToValue</c> gives the class names);
/// both marked with <c>ScoreColumnKind</c> and <c>ScoreValueKind</c> for the evaluators.
/// </summary>
internal sealed class ScoreColumns
{
    public ScoreColumns(string scoreColumnName, string predictedLabelColumnName, KeyLabel label)
    {
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
        ClassCount = label.Count;
        ClassNames = label.ClassNames;
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(ClassCount, label.ClassNames.Select(n => n.AsMemory()).ToArray());
        var score = new DataViewSchema.Annotations.Builder();
        score.Add(AnnotationNames.SlotNames, new VectorDataViewType(TextDataViewType.Instance, ClassCount),
            (ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value));
        AddKinds(score, AnnotationNames.Score);
        ScoreAnnotations = score.ToAnnotations();
        var predicted = new DataViewSchema.Annotations.Builder();
        predicted.Add(label.Column.Annotations, name => name == AnnotationNames.KeyValues);
        AddKinds(predicted, AnnotationNames.PredictedLabel);
        PredictedLabelAnnotations = predicted.ToAnnotations();
    }

    /// <summary>Name of the score column.</summary>
    public string ScoreColumnName { get; }

    /// <summary>Name of the predicted-label column.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>Number of classes (the label key's count).</summary>
    public int ClassCount { get; }

    /// <summary>Class names by 0-based key index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    private DataViewSchema.Annotations ScoreAnnotations { get; }

    private DataViewSchema.Annotations PredictedLabelAnnotations { get; }

    /// <summary>The input schema's columns (hidden ones included, so indices agree) followed by the two outputs.</summary>
    public DataViewSchema OutputSchema(DataViewSchema input)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, ClassCount), ScoreAnnotations);
        builder.AddColumn(PredictedLabelColumnName, new KeyDataViewType(typeof(uint), ClassCount), PredictedLabelAnnotations);
        return builder.ToSchema();
    }

    /// <summary>
    /// The schema shape after a classifier: the input's columns and the two outputs. Shape columns have no public
    /// constructor, so their shapes come from first-party estimators applied to the label (only shapes, nothing is fitted):
    /// <c>MapKeyToVector</c> gives a known-size <c>Vector&lt;Single&gt;</c> with slot names, <c>CopyColumns</c> a key with the label's key values.
    /// </summary>
    public static SchemaShape OutputShape(SchemaShape input, string scoreColumnName, string predictedLabelColumnName, string labelColumnName)
    {
        var ml = new MLContext();
        var shapes = ml.Transforms.Conversion.MapKeyToVector(scoreColumnName, labelColumnName)
            .Append(ml.Transforms.CopyColumns(predictedLabelColumnName, labelColumnName))
            .GetOutputSchema(input);
        string[] outputs = [scoreColumnName, predictedLabelColumnName];
        return new SchemaShape(input.Where(c => !outputs.Contains(c.Name)).Concat(outputs.Select(name => shapes.First(c => c.Name == name))));
    }

    private static void AddKinds(DataViewSchema.Annotations.Builder builder, string valueKind)
    {
        builder.Add(AnnotationNames.ScoreColumnKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = AnnotationNames.MulticlassClassification.AsMemory());
        builder.Add(AnnotationNames.ScoreValueKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = valueKind.AsMemory());
    }
}
