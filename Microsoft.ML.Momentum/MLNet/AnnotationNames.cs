namespace Microsoft.ML.Momentum;

/// <summary>ML.NET's annotation names and values that scorers write (its <c>AnnotationUtils.Kinds</c> is internal).</summary>
internal static class AnnotationNames
{
    public const string KeyValues = "KeyValues";
    public const string SlotNames = "SlotNames";
    public const string ScoreColumnKind = "ScoreColumnKind";
    public const string ScoreValueKind = "ScoreValueKind";
    public const string MulticlassClassification = "MulticlassClassification";
    public const string Score = "Score";
    public const string PredictedLabel = "PredictedLabel";
}
