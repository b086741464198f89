using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// A text config's splits (csv, tsv, json, jsonLines) as data views of labels and texts, read by the library's
/// loaders, so errors name the file, line and column and JSON labels may be numbers or booleans.
/// </summary>
internal static class TextDataViews
{
    public static LabeledViews For(MLContext ml, DataSourceConfig source)
    {
        var train = TextDataSources.Load(source, source.Train);
        var classNames = train.GetDistinctLabels();
        IDataView? View(DataFilesConfig? files)
        {
            if (files is null) return null;
            var data = TextDataSources.Load(source, files);
            var labels = LabelChecks.Known(data, classNames);
            return ml.Data.LoadFromEnumerable(Enumerable.Range(0, data.Count).Select(i => new TextRow { Label = labels[i], Text = data[i].Text }));
        }
        var trainView = ml.Data.LoadFromEnumerable(train.Select(e => new TextRow { Label = e.Label!, Text = e.Text }));
        return new LabeledViews(trainView, View(source.Validation), View(source.Test), classNames);
    }
}
