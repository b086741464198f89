using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>The columns of the data views the CLI builds from a config's data, as the estimators read them.</summary>
internal static class ViewColumns
{
    /// <summary>The label: text as read, a key after <c>MapValueToKey</c>.</summary>
    public const string Label = "Label";

    /// <summary>Encoded image bytes (what <c>LoadRawImageBytes</c> gives).</summary>
    public const string Image = "Image";

    /// <summary>The text.</summary>
    public const string Text = "Text";

    /// <summary>The score vector the estimators append.</summary>
    public const string Score = "Score";
}

/// <summary>A row of an image view.</summary>
internal sealed class ImageRow
{
    public string Label { get; set; } = "";

    public byte[] Image { get; set; } = [];
}

/// <summary>A row of a text view.</summary>
internal sealed class TextRow
{
    public string Label { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>A row of the view that fixes the label key's order (<c>MapValueToKey</c>'s keyData).</summary>
internal sealed class ClassNameRow
{
    public string Label { get; set; } = "";
}
