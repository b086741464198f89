using System.Text.RegularExpressions;

namespace Microsoft.ML.Momentum.Cli.Config;

/// <summary>JSON paths in the "$.a.b[0]" form of System.Text.Json's errors.</summary>
internal static partial class ConfigPath
{
    public static string Child(string parent, string name)
        => Identifier().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'")}']";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
