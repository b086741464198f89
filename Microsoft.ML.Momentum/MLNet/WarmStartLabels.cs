namespace Microsoft.ML.Momentum;

/// <summary>
/// The warm-start rule on labels: the new data's label key must hold the classes the previous network learned, no more
/// and no fewer (its output layer has one unit per class). Key values are matched as the text trainer reads labels:
/// as they are, or trimmed.
/// </summary>
internal static class WarmStartLabels
{
    /// <summary>Throws an <see cref="ArgumentException"/> listing the missing and extra class names when the two sets differ (order does not matter).</summary>
    /// <param name="labelColumn">The label column, for the message.</param>
    /// <param name="previous">The previous network's classes.</param>
    /// <param name="current">The new data's label key values.</param>
    /// <param name="parameter">The parameter named by the exception.</param>
    public static void RequireSame(string labelColumn, IReadOnlyList<string> previous, IReadOnlyList<string> current, string parameter)
    {
        var known = previous.ToHashSet(StringComparer.Ordinal);
        var extra = current.Where(c => !known.Contains(c) && !known.Contains(c.Trim())).ToArray();
        var values = current.Concat(current.Select(c => c.Trim())).ToHashSet(StringComparer.Ordinal);
        var missing = previous.Where(p => !values.Contains(p)).ToArray();
        if (missing.Length == 0 && extra.Length == 0) return;
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing from the new data: {string.Join(", ", missing)}");
        if (extra.Length > 0) parts.Add($"not learned by the previous model: {string.Join(", ", extra)}");
        throw new ArgumentException(
            $"Warm start needs the previous model's label set, but the key values of label column '{labelColumn}' differ ({string.Join("; ", parts)}). " +
            "Map the label with the previous MapValueToKey (keyData), or train a new model with Fit(data).", parameter);
    }
}
