using System.Globalization;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Reads a network's options (integers, reals and integer lists, each with a default and an allowed range) and
/// remembers which keys were asked for, so that a misspelled or unknown key is reported by
/// <see cref="RejectUnknown"/> instead of silently ignored. Port of the native zoo's <c>ModelOptions</c>: keys and
/// values are trimmed of spaces and tabs, numbers are read as <c>std::stoll</c>/<c>std::stod</c> read them, and every
/// failure is an <see cref="ArgumentException"/> whose message is the one the native side produced.
/// </summary>
internal sealed class NetworkOptionReader
{
    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> known = new(StringComparer.Ordinal);

    /// <summary>Takes the options of a <see cref="Engine.NetworkSpec"/>, already split into keys and values.</summary>
    /// <param name="architecture">The architecture the options are for (named in every message).</param>
    /// <param name="options">The options; two keys that are equal once trimmed are "given twice".</param>
    public NetworkOptionReader(string architecture, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);
        Architecture = architecture;
        foreach (var (key, value) in options) Add(Trim(key), Trim(value));
    }

    private NetworkOptionReader(string architecture) => Architecture = architecture;

    /// <summary>The architecture the options are for.</summary>
    public string Architecture { get; }

    /// <summary>
    /// Parses options written as "key=value;key=value" (empty items are skipped), exactly as the native
    /// <c>ModelOptions</c> constructor did.
    /// </summary>
    /// <param name="architecture">The architecture the options are for.</param>
    /// <param name="text">The option text; null reads as no options.</param>
    /// <returns>A reader over the parsed options.</returns>
    /// <exception cref="ArgumentException">An item has no '=' or a key is given twice.</exception>
    public static NetworkOptionReader Parse(string architecture, string? text)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var reader = new NetworkOptionReader(architecture);
        foreach (var raw in (text ?? "").Split(';'))
        {
            var item = Trim(raw);
            if (item.Length == 0) continue;
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new ArgumentException($"model option '{item}' for architecture '{architecture}' has no '=value'");
            }
            reader.Add(Trim(item[..equals]), Trim(item[(equals + 1)..]));
        }
        return reader;
    }

    /// <summary>Reads an integer option.</summary>
    /// <param name="key">Option name.</param>
    /// <param name="fallback">Value when the option is absent (not range-checked).</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <returns>The option's value or <paramref name="fallback"/>.</returns>
    public long Integer(string key, long fallback, long min, long max)
    {
        known.Add(key);
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (!CNumberSyntax.TryParseInteger(text, out var value) || value < min || value > max)
        {
            throw Failure(key, text, $"an integer in [{Format(min)}, {Format(max)}]");
        }
        return value;
    }

    /// <summary>Reads a real option.</summary>
    /// <param name="key">Option name.</param>
    /// <param name="fallback">Value when the option is absent (not range-checked).</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <returns>The option's value or <paramref name="fallback"/>.</returns>
    public double Real(string key, double fallback, double min, double max)
    {
        known.Add(key);
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (!CNumberSyntax.TryParseReal(text, out var value)) throw Failure(key, text, "a number");
        if (!(value >= min && value <= max))
        {
            throw Failure(key, text, $"a number in [{Format(min)}, {Format(max)}]");
        }
        return value;
    }

    /// <summary>Reads a comma-separated list of integers (items trimmed; one trailing comma is tolerated).</summary>
    /// <param name="key">Option name.</param>
    /// <param name="fallback">Value when the option is absent (not range-checked).</param>
    /// <param name="min">Smallest allowed item.</param>
    /// <param name="max">Largest allowed item.</param>
    /// <returns>The option's items or a copy of <paramref name="fallback"/>.</returns>
    public long[] Integers(string key, IReadOnlyList<long> fallback, long min, long max)
    {
        known.Add(key);
        if (!values.TryGetValue(key, out var text)) return [.. fallback];
        // std::getline over ',' yields no item after a final separator (nor for an empty text).
        var items = text.Split(',');
        var count = items[^1].Length == 0 ? items.Length - 1 : items.Length;
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            if (!CNumberSyntax.TryParseInteger(Trim(items[i]), out var value) || value < min || value > max)
            {
                throw Failure(key, text, $"a comma-separated list of integers in [{Format(min)}, {Format(max)}]");
            }
            result[i] = value;
        }
        if (result.Length == 0) throw Failure(key, text, "at least one integer");
        return result;
    }

    /// <summary>Throws for the first option (in key order) that no read asked for, listing the valid ones.</summary>
    /// <exception cref="ArgumentException">An option was given that the architecture does not read.</exception>
    public void RejectUnknown()
    {
        foreach (var key in values.Keys)
        {
            if (known.Contains(key)) continue;
            throw new ArgumentException(
                $"unknown model option '{key}' for architecture '{Architecture}' (valid options: {string.Join(", ", known)})");
        }
    }

    private void Add(string key, string value)
    {
        if (!values.TryAdd(key, value))
        {
            throw new ArgumentException($"model option '{key}' is given twice for architecture '{Architecture}'");
        }
    }

    private ArgumentException Failure(string key, string value, string expected) =>
        new($"model option '{key}' for architecture '{Architecture}' is '{value}': expected {expected}");

    private static string Trim(string text) => text.Trim(' ', '\t');

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    // std::to_string(double) prints "%f": fixed notation with six decimals.
    private static string Format(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
