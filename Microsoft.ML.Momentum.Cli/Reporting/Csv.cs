using System.Globalization;

namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break; numbers in invariant round-trip form.</summary>
internal static class Csv
{
    public static string Field(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));
}
