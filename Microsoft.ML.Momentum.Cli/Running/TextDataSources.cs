using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Reads a config's text data (csv, tsv, json, jsonLines) with its column names, and text files given to <c>evaluate</c>.</summary>
internal static class TextDataSources
{
    /// <summary>The labelled examples of <paramref name="files"/>; a file without labels is an <see cref="InvalidDataException"/>.</summary>
    public static TextDataSet Load(DataSourceConfig source, DataFilesConfig files)
    {
        var path = files.Path;
        var options = new TextDataLoaderOptions
        {
            HasHeader = source.HasHeader, LabelColumnName = source.Columns.Label, TextColumnName = source.Columns.Text, Text2ColumnName = source.Columns.Text2,
        };
        var data = source.Type switch
        {
            ConfigNames.Csv => TextDataLoader.FromCsv(path, options),
            ConfigNames.Tsv => TextDataLoader.FromTsv(path, options),
            ConfigNames.Json => TextDataLoader.FromJson(path, options),
            ConfigNames.JsonLines => TextDataLoader.FromJsonLines(path, options),
            _ => throw new ConfigException($"data source type '{source.Type}' is not a text source; expected csv, tsv, json or jsonLines"),
        };
        if (!data.HasLabels) throw new TextDataException(data.SourceName, null, null, "the examples have no labels; training and evaluation need a label on every example.");
        return data;
    }

    /// <summary>A text file for <c>evaluate</c>, its format chosen by extension.</summary>
    public static TextDataSource ForPath(string path) => TextDataSource.FromFile(path);
}
