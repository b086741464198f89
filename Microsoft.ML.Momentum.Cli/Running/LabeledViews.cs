namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// A config's data as ML.NET data views with a text <see cref="ViewColumns.Label"/> column and the scenario's input
/// column: the training split, the optional validation and test splits, and the class names in label-key order
/// (the training data's; the other splits' labels are checked against them as they are read).
/// </summary>
internal sealed record LabeledViews(IDataView Train, IDataView? Validation, IDataView? Test, IReadOnlyList<string> ClassNames);

/// <summary>
/// Where the row the data views produced last came from (a file, or an item of an IDX file): views are read one row
/// at a time and each row is decoded as it is read, so a decoding error belongs to that row.
/// </summary>
internal sealed class RowOrigin
{
    public string? Current { get; set; }
}
