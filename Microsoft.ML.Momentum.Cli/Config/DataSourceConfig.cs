namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The data of a run: its format, the splits and the columns.</summary>
internal sealed record DataSourceConfig
{
    /// <summary>folder, idx, csv, tsv, json or jsonLines (<see cref="ConfigNames"/>).</summary>
    public required string Type { get; init; }

    public required DataFilesConfig Train { get; init; }

    public DataFilesConfig? Validation { get; init; }

    public DataFilesConfig? Test { get; init; }

    public ColumnsConfig Columns { get; init; } = new();

    /// <summary>csv/tsv: whether the first line names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>csv/tsv image listings: directory for relative image paths (null: the listing's folder).</summary>
    public string? ImageDirectory { get; init; }

    /// <summary>idx: names of labels 0, 1, ... (null: "0", "1", ...).</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}

/// <summary>Where one split of the data is (absolute paths).</summary>
internal sealed record DataFilesConfig(string Path, string? LabelsPath = null);

/// <summary>Column names of tabular and JSON data.</summary>
internal sealed record ColumnsConfig
{
    public string Label { get; init; } = "Label";

    public string Image { get; init; } = "ImagePath";

    public string Text { get; init; } = "Text";

    public string? Text2 { get; init; }
}
