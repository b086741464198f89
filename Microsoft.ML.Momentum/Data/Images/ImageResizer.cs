using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Resizes 8-bit planes, separably: horizontally into a float buffer, then vertically with rounding to the
/// nearest byte (see <see cref="ResampleAxis"/> for the filters). Thread-safe; filter taps are cached per
/// (source, target) length, so a folder of same-sized images computes them once.
/// </summary>
internal sealed class ImageResizer
{
    private readonly ConcurrentDictionary<(int Source, int Target), ResampleAxis> _axes = new();

    /// <summary>A resizer shared by callers that do not keep their own.</summary>
    public static ImageResizer Shared { get; } = new();

    /// <summary>Resizes one plane of <paramref name="from"/> pixels into <paramref name="destination"/> (<paramref name="to"/> pixels).</summary>
    public void ResizePlane(ReadOnlySpan<byte> source, ImageSize from, Span<byte> destination, ImageSize to)
    {
        if (source.Length < from.Area) throw new ArgumentException($"The source plane needs {from.Area} bytes.", nameof(source));
        if (destination.Length < to.Area) throw new ArgumentException($"The destination plane needs {to.Area} bytes.", nameof(destination));
        if (from == to)
        {
            source[..from.Area].CopyTo(destination);
            return;
        }
        var columns = Axis(from.Width, to.Width);
        var rows = Axis(from.Height, to.Height);
        var horizontal = ArrayPool<float>.Shared.Rent(from.Height * to.Width);
        var row = ArrayPool<float>.Shared.Rent(to.Width);
        try
        {
            ResizeRows(source, from, horizontal, to.Width, columns);
            ResizeColumns(horizontal, to, destination, rows, row.AsSpan(0, to.Width));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(row);
            ArrayPool<float>.Shared.Return(horizontal);
        }
    }

    private ResampleAxis Axis(int source, int target) => _axes.GetOrAdd((source, target), static key => new ResampleAxis(key.Source, key.Target));

    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResizeRows(ReadOnlySpan<byte> source, ImageSize from, Span<float> horizontal, int targetWidth, ResampleAxis columns)
    {
        var weights = columns.Weights;
        for (var y = 0; y < from.Height; y++)
        {
            var input = source.Slice(y * from.Width, from.Width);
            var output = horizontal.Slice(y * targetWidth, targetWidth);
            for (var x = 0; x < targetWidth; x++)
            {
                var start = columns.Start[x];
                var offset = x * columns.MaxTaps;
                var sum = 0f;
                for (var k = 0; k < columns.Taps[x]; k++) sum += weights[offset + k] * input[start + k];
                output[x] = sum;
            }
        }
    }

    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResizeColumns(ReadOnlySpan<float> horizontal, ImageSize to, Span<byte> destination, ResampleAxis rows, Span<float> accumulator)
    {
        for (var y = 0; y < to.Height; y++)
        {
            accumulator.Clear();
            var start = rows.Start[y];
            var offset = y * rows.MaxTaps;
            for (var k = 0; k < rows.Taps[y]; k++)
            {
                TensorPrimitives.MultiplyAdd(horizontal.Slice((start + k) * to.Width, to.Width), rows.Weights[offset + k], accumulator, accumulator);
            }
            var output = destination.Slice(y * to.Width, to.Width);
            for (var x = 0; x < to.Width; x++) output[x] = (byte)Math.Clamp((int)(accumulator[x] + 0.5f), 0, 255);
        }
    }
}
