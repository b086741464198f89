namespace Microsoft.ML.Momentum;

/// <summary>The column names the estimators use when none are given (ML.NET's defaults for label, score and predicted label).</summary>
internal static class DefaultColumnNames
{
    public const string Label = "Label";
    public const string Image = "Image";
    public const string Text = "Text";
    public const string Score = "Score";
    public const string PredictedLabel = "PredictedLabel";
}
