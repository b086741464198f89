using System.Globalization;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Reads numbers the way the C++ model zoo's option parser did with <c>std::stoll</c> and <c>std::stod</c> in the
/// "C" locale: leading C white space is skipped, the whole remaining text must be consumed, and a value outside
/// the type's range is a failure rather than a clamped or infinite result. Reals accept decimal and hexadecimal
/// forms as well as <c>inf</c>, <c>infinity</c> and <c>nan</c> (any case), as <c>strtod</c> does.
/// </summary>
internal static class CNumberSyntax
{
    /// <summary>Parses a base-10 integer as <c>std::stoll</c> followed by a full-consumption check.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed value; 0 when parsing fails.</param>
    /// <returns>Whether the text is one in-range integer with nothing after it.</returns>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var start = SkipSpace(text);
        var digits = start < text.Length && text[start] is '+' or '-' ? start + 1 : start;
        if (digits == text.Length) return false;
        for (var i = digits; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
        }
        return long.TryParse(text.AsSpan(start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a real number as <c>std::stod</c> followed by a full-consumption check.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed value (possibly infinite or NaN when spelled so); 0 when parsing fails.</param>
    /// <returns>
    /// Whether the text is one real number with nothing after it; false also when a finite spelling overflows or
    /// underflows a double (where <c>std::stod</c> throws <c>std::out_of_range</c>).
    /// </returns>
    public static bool TryParseReal(string text, out double value)
    {
        value = 0;
        var position = SkipSpace(text);
        var negative = false;
        if (position < text.Length && text[position] is '+' or '-')
        {
            negative = text[position] == '-';
            position++;
        }
        var body = text[position..];
        double magnitude;
        bool nonzeroMantissa;
        if (IsSpecial(body, out magnitude))
        {
            value = negative ? -magnitude : magnitude;
            return true;
        }
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            if (!TryParseHex(body[2..], out magnitude, out nonzeroMantissa)) return false;
        }
        else if (!TryParseDecimal(body, out magnitude, out nonzeroMantissa))
        {
            return false;
        }
        if (double.IsInfinity(magnitude) || (nonzeroMantissa && magnitude < SmallestNormal)) return false;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    // Below this a nonzero spelling underflows: strtod sets ERANGE and std::stod throws std::out_of_range.
    private const double SmallestNormal = 2.2250738585072014E-308;

    private static int SkipSpace(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        return i;
    }

    private static bool IsSpecial(string body, out double value)
    {
        value = 0;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }
        if (!body.StartsWith("nan", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = body[3..];
        var isNan = rest.Length == 0 ||
                    (rest.Length >= 2 && rest[0] == '(' && rest[^1] == ')' &&
                     rest[1..^1].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
        if (isNan) value = double.NaN;
        return isNan;
    }

    // digits [. digits] | . digits, then an optional exponent e[+-]digits.
    private static bool TryParseDecimal(string body, out double value, out bool nonzeroMantissa)
    {
        value = 0;
        nonzeroMantissa = false;
        var i = 0;
        var mantissaDigits = 0;
        for (; i < body.Length && char.IsAsciiDigit(body[i]); i++, mantissaDigits++) nonzeroMantissa |= body[i] != '0';
        if (i < body.Length && body[i] == '.')
        {
            for (i++; i < body.Length && char.IsAsciiDigit(body[i]); i++, mantissaDigits++) nonzeroMantissa |= body[i] != '0';
        }
        if (mantissaDigits == 0) return false;
        if (i < body.Length && body[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < body.Length && body[j] is '+' or '-') j++;
            var exponentStart = j;
            while (j < body.Length && char.IsAsciiDigit(body[j])) j++;
            if (j == exponentStart) return false;
            i = j;
        }
        if (i != body.Length) return false;
        value = double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return true;
    }

    // hexdigits [. hexdigits] | . hexdigits, then an optional binary exponent p[+-]digits (after "0x").
    private static bool TryParseHex(string body, out double value, out bool nonzeroMantissa)
    {
        value = 0;
        nonzeroMantissa = false;
        double mantissa = 0;
        var scale = 0L;
        var i = 0;
        var mantissaDigits = 0;
        var afterPoint = false;
        for (; i < body.Length; i++)
        {
            if (body[i] == '.' && !afterPoint)
            {
                afterPoint = true;
                continue;
            }
            if (!char.IsAsciiHexDigit(body[i])) break;
            var digit = char.IsAsciiDigit(body[i]) ? body[i] - '0' : (body[i] | 0x20) - 'a' + 10;
            nonzeroMantissa |= digit != 0;
            mantissa = mantissa * 16 + digit;
            if (afterPoint) scale -= 4;
            mantissaDigits++;
        }
        if (mantissaDigits == 0) return false;
        if (i < body.Length && body[i] is 'p' or 'P')
        {
            var j = i + 1;
            var negative = j < body.Length && body[j] == '-';
            if (j < body.Length && body[j] is '+' or '-') j++;
            var exponentStart = j;
            var exponent = 0L;
            for (; j < body.Length && char.IsAsciiDigit(body[j]); j++) exponent = Math.Min(exponent * 10 + (body[j] - '0'), 100_000);
            if (j == exponentStart) return false;
            scale += negative ? -exponent : exponent;
            i = j;
        }
        if (i != body.Length) return false;
        value = nonzeroMantissa ? Math.ScaleB(mantissa, (int)Math.Clamp(scale, -100_000, 100_000)) : 0;
        return true;
    }
}
