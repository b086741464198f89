using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>How a trainer or model reads a <see cref="TextDataSource"/>: the columns and what to do with empty texts.</summary>
internal sealed record TextReadSettings(string? LabelColumnName, string TextColumnName, string? Text2ColumnName, EmptyTextHandling EmptyTextHandling)
{
    public TextDataLoaderOptions LoaderOptions() => new()
    {
        LabelColumnName = LabelColumnName,
        TextColumnName = TextColumnName,
        Text2ColumnName = Text2ColumnName,
        EmptyTextHandling = EmptyTextHandling,
    };
}
