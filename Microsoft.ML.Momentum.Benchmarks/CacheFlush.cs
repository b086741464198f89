using System.Globalization;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Benchmarks;

/// <summary>
/// Puts the caches in a defined state before a timed step: reads a buffer twice the size of the last-level cache
/// (at least 64 MB), which evicts every optimizer's state, then reads x and g, as the forward and backward passes
/// leave them just before the step. Reads only, so no dirty line is written back during the step.
/// </summary>
internal sealed class CacheFlush : IDisposable
{
    private const long MinBytes = 64L << 20;
    private const int FloatsPerLine = 16;

    /// <summary>Bytes read by each flush: twice the last-level cache, at least 64 MB.</summary>
    public static long DefaultBytes { get; } = Math.Max(MinBytes, 2 * LastLevelCacheBytes());

    private readonly FlatVector _buffer = FlatVector.Zeros(DefaultBytes / sizeof(float));
    private float _sink;

    public void Before(ReadOnlySpan<float> x, ReadOnlySpan<float> g)
    {
        var sum = TouchLines(_buffer.AsSpan());
        sum += TouchLines(x) + TouchLines(g);
        _sink += sum;
    }

    public void Dispose() => _buffer.Dispose();

    private static float TouchLines(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        for (var i = 0; i < values.Length; i += FloatsPerLine) sum += values[i];
        return sum;
    }

    /// <summary>The largest cache of cpu0 as Linux reports it (e.g. "32768K"), 0 where it does not.</summary>
    private static long LastLevelCacheBytes()
    {
        var largest = 0L;
        foreach (var directory in Directory.Exists("/sys/devices/system/cpu/cpu0/cache") ? Directory.GetDirectories("/sys/devices/system/cpu/cpu0/cache", "index*") : [])
        {
            var file = Path.Combine(directory, "size");
            if (!File.Exists(file)) continue;
            var text = File.ReadAllText(file).Trim().ToUpperInvariant();
            var scale = text.EndsWith('K') ? 1L << 10 : text.EndsWith('M') ? 1L << 20 : 1L;
            if (long.TryParse(text.TrimEnd('K', 'M'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)) largest = Math.Max(largest, size * scale);
        }
        return largest;
    }
}
