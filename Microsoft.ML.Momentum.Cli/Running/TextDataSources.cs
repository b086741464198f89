using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>The library's <see cref="TextDataSource"/> for a config's text data (csv, tsv, json, jsonLines).</summary>
internal static class TextDataSources
{
    public static TextDataSource For(DataSourceConfig source, DataFilesConfig files)
    {
        var path = files.Path;
        if (!source.HasHeader)
        {
            // Headerless tables name their columns "0", "1", …; read them here with the config's column names.
            var options = new TextDataLoaderOptions
            {
                HasHeader = false, LabelColumnName = source.Columns.Label, TextColumnName = source.Columns.Text, Text2ColumnName = source.Columns.Text2,
            };
            return TextDataSource.FromDataSet(source.Type == "tsv" ? TextDataLoader.FromTsv(path, options) : TextDataLoader.FromCsv(path, options));
        }
        return source.Type switch
        {
            "csv" => TextDataSource.FromCsv(path),
            "tsv" => TextDataSource.FromTsv(path),
            "json" => TextDataSource.FromJson(path),
            "jsonLines" => TextDataSource.FromJsonLines(path),
            _ => throw new ConfigException($"data source type '{source.Type}' is not a text source; expected csv, tsv, json or jsonLines"),
        };
    }

    /// <summary>A text file for <c>evaluate</c>, its format chosen by extension.</summary>
    public static TextDataSource ForPath(string path) => TextDataSource.FromFile(path);
}
