using System.Runtime.CompilerServices;

namespace Microsoft.ML.Momentum.Schedules;

/// <summary>Hyper-parameter validation that names the option and its allowed range.</summary>
internal static class Check
{
    public static double InRange(double value, double min, double max, string name, bool lowerOpen = false, bool upperOpen = false)
    {
        var low = lowerOpen ? value > min : value >= min;
        var high = upperOpen ? value < max : value <= max;
        if (!double.IsFinite(value) || !low || !high)
        {
            throw new ArgumentException(
                $"{name} must be in {(lowerOpen ? "(" : "[")}{min}, {max}{(upperOpen ? ")" : "]")} (was {value}).", name);
        }
        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0) throw new ArgumentException($"{name} must be finite and ≥ 0 (was {value}).", name);
        return value;
    }

    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0) throw new ArgumentException($"{name} must be finite and > 0 (was {value}).", name);
        return value;
    }

    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"{name} must be finite (was {value}).", name);
        return value;
    }

    public static long AtLeast(long value, long min, string name)
    {
        if (value < min) throw new ArgumentException($"{name} must be at least {min} (was {value}).", name);
        return value;
    }

    public static int AtLeast(int value, int min, string name)
    {
        if (value < min) throw new ArgumentException($"{name} must be at least {min} (was {value}).", name);
        return value;
    }

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string name = "") where T : class
        => value ?? throw new ArgumentNullException(name);
}
