namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>The JSON type of a config field.</summary>
internal enum FieldType
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    StringArray,
    /// <summary>An optimizer in the library's JSON form (<c>OptimizerJson</c>).</summary>
    Optimizer,
    /// <summary>A learning-rate or momentum schedule in the library's JSON form.</summary>
    Schedule,
}

/// <summary>
/// One field a config section accepts: its type, whether it is required, its range or allowed values, the
/// scenario it belongs to. The reader validates against these and the JSON Schema in docs/ is generated from them.
/// </summary>
internal sealed record FieldSpec(string Name, FieldType Type, string Description)
{
    public bool Required { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    /// <summary>Allowed string values (an enumeration).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A regular expression the string must match (documented in the schema).</summary>
    public string? Pattern { get; init; }

    /// <summary>What the pattern means, for the error message ("cpu, cuda or cuda:N").</summary>
    public string? PatternDescription { get; init; }

    /// <summary>Strings must not be empty.</summary>
    public bool NonEmpty { get; init; }

    /// <summary>The nested section of an <see cref="FieldType.Object"/> field.</summary>
    public ObjectSpec? Object { get; init; }

    /// <summary>The only scenario where this field is allowed (null: every scenario).</summary>
    public string? Scenario { get; init; }

    /// <summary>The default, as JSON text, documented in the schema.</summary>
    public string? Default { get; init; }
}

/// <summary>A config section (JSON object): its fields, no others allowed.</summary>
internal sealed record ObjectSpec(string Name, string Description, IReadOnlyList<FieldSpec> Fields)
{
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
