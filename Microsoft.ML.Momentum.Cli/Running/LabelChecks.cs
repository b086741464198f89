using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Checks a table's labels against the classes of the training data (or a model) before they become label keys.</summary>
internal static class LabelChecks
{
    /// <summary>The labels of <paramref name="table"/>; an unknown one is an <see cref="InvalidDataException"/> naming its file and line.</summary>
    public static string[] Known(TextDataSet table, IReadOnlyList<string> classNames)
    {
        var known = new HashSet<string>(classNames, StringComparer.Ordinal);
        var labels = new string[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            labels[i] = table[i].Label!;
            if (!known.Contains(labels[i]))
            {
                throw new InvalidDataException($"{table.DescribeLocation(i)}: label '{labels[i]}' is not one of the model's classes ({string.Join(", ", classNames)}).");
            }
        }
        return labels;
    }
}
