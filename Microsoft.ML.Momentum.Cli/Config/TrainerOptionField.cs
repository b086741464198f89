using System.Reflection;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>
/// One scalar option of the trainers' Options that a config's trainingOption section sets, named after the
/// property (camelCase). Its type, the scenarios that have it and its default are read from the Options classes
/// themselves (<see cref="TrainerOptionFields"/>); this record adds only what a config file needs on top: the
/// description and the accepted range.
/// </summary>
/// <param name="PropertyName">The property of <c>ImageClassificationTrainer.Options</c> and/or <c>TextClassificationTrainer.Options</c>.</param>
/// <param name="Description">What it does, for the schema and the docs.</param>
internal sealed record TrainerOptionField(string PropertyName, string Description)
{
    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    /// <summary>What a null default means, when the property is nullable and null is its default (e.g. "the optimizer's own").</summary>
    public string? WhenNull { get; init; }

    /// <summary>The JSON name.</summary>
    public string ConfigName => JsonNamingPolicy.CamelCase.ConvertName(PropertyName);

    /// <summary>The property on <paramref name="optionsType"/>, or null when that scenario's trainer has no such option.</summary>
    public PropertyInfo? PropertyOf(Type optionsType) => optionsType.GetProperty(PropertyName, BindingFlags.Public | BindingFlags.Instance);
}
