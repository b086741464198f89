namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// One labelled (or unlabelled) text example: a text, an optional second text for sentence-pair tasks,
/// and a label.
/// </summary>
/// <param name="Text">The text (the first sentence of a pair).</param>
/// <param name="Label">
/// The label as a string key (numbers and booleans from JSON are written in their invariant form, e.g.
/// <c>"1"</c>, <c>"true"</c>); <see langword="null"/> when the source has no label column, as at
/// prediction time.
/// </param>
/// <param name="Text2">The second text of a sentence pair, or <see langword="null"/> for single texts.</param>
public sealed record TextExample(string Text, string? Label, string? Text2 = null);
