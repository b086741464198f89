using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Loads a list of image sources into one <see cref="LabeledImages"/>, decoding in parallel. Pass 1 (only
/// when the size or channel count must be inferred) reads headers; pass 2 decodes each image straight into
/// its slot of the final buffer, converted and resized. Results are placed by index, so the output does not
/// depend on thread timing, and the failure reported is always the first invalid image in load order.
/// </summary>
internal static class ImageSetBuilder
{
    public static ImageLoadResult Build(ImageSourceList sources, IReadOnlyList<string> classNames, ImageLoadOptions options, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var count = sources.Count;
        if (count == 0) throw new InvalidDataException("There are no images to load.");
        var failures = new Exception?[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };

        var (channels, size) = (options.ColorMode, options.ImageSize) switch
        {
            (not ImageColorMode.Auto, { } fixedSize) => ((int)options.ColorMode, fixedSize),
            _ => InferShape(sources, options, failures, parallel),
        };

        var imageLength = channels * size.Area;
        if ((long)imageLength * count > Array.MaxLength)
        {
            throw new InvalidOperationException($"{count} images of {channels}x{size} need {(long)imageLength * count} bytes, more than one array holds; choose a smaller ImageSize.");
        }
        var pixels = new byte[imageLength * count];
        var originals = new ImageInfo[count];
        // Without skipping, images after an invalid header need not be decoded: the load fails at that header
        // unless an earlier image fails to decode.
        var firstHeaderFailure = Array.FindIndex(failures, f => f is not null);
        var limit = options.SkipInvalidImages || firstHeaderFailure < 0 ? count : firstHeaderFailure;
        Run(limit, parallel, stopAtFailure: !options.SkipInvalidImages, failures, sources, index =>
        {
            originals[index] = sources.DecodeInto(index, pixels.AsSpan(index * imageLength, imageLength), channels, size, ImageResizer.Shared);
        });
        if (!options.SkipInvalidImages)
        {
            var first = Array.FindIndex(failures, f => f is not null);
            if (first >= 0) ExceptionDispatchInfo.Throw(failures[first]!);
        }

        return Assemble(sources, classNames, pixels, originals, failures, channels, size, clock);
    }

    private static (int Channels, ImageSize Size) InferShape(ImageSourceList sources, ImageLoadOptions options, Exception?[] failures, ParallelOptions parallel)
    {
        var infos = new ImageInfo[sources.Count];
        Run(sources.Count, parallel, stopAtFailure: false, failures, sources, index => infos[index] = sources.ReadInfo(index));
        var valid = Enumerable.Range(0, sources.Count).Where(i => failures[i] is null).ToList();
        if (valid.Count == 0)
        {
            if (options.SkipInvalidImages) throw NoneLoaded(sources, failures);
            ExceptionDispatchInfo.Throw(failures[0]!);
        }
        var channels = options.ColorMode switch
        {
            ImageColorMode.Grayscale => 1,
            ImageColorMode.Rgb => 3,
            _ => valid.All(i => infos[i].IsGray) ? 1 : 3,
        };
        var size = options.ImageSize ?? MostCommonSize(valid.Select(i => infos[i].Size));
        return (channels, size);
    }

    /// <summary>The most frequent size; among equally frequent ones, the first met.</summary>
    internal static ImageSize MostCommonSize(IEnumerable<ImageSize> sizes)
    {
        var counts = new Dictionary<ImageSize, (int Count, int First)>();
        var position = 0;
        foreach (var size in sizes)
        {
            counts[size] = counts.TryGetValue(size, out var seen) ? (seen.Count + 1, seen.First) : (1, position);
            position++;
        }
        return counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).First().Key;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for indices [0, <paramref name="count"/>) not yet failed, recording failures
    /// by index. With <paramref name="stopAtFailure"/>, the loop stops early; iterations below the failing
    /// index still complete, so the lowest failing index is always found, whatever the timing.
    /// </summary>
    private static void Run(int count, ParallelOptions parallel, bool stopAtFailure, Exception?[] failures, ImageSourceList sources, Action<int> body)
    {
        Parallel.For(0, count, parallel, (index, state) =>
        {
            if (failures[index] is not null || state.ShouldExitCurrentIteration && state.LowestBreakIteration < index) return;
            try
            {
                body(index);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                failures[index] = Locate(e, sources.Describe(index));
                if (stopAtFailure) state.Break();
            }
        });
    }

    private static Exception Locate(Exception e, string source) => e switch
    {
        InvalidDataException => new InvalidDataException($"Image '{source}' could not be decoded: {e.Message}", e),
        _ => new IOException($"Image file '{source}' could not be read: {e.Message}", e),
    };

    private static InvalidDataException NoneLoaded(ImageSourceList sources, Exception?[] failures)
    {
        var first = failures.FirstOrDefault(f => f is not null);
        return new InvalidDataException($"None of the {sources.Count} images could be loaded; all were invalid. The first: {first?.Message}", first);
    }

    private static ImageLoadResult Assemble(ImageSourceList sources, IReadOnlyList<string> classNames, byte[] pixels, ImageInfo[] originals,
        Exception?[] failures, int channels, ImageSize size, Stopwatch clock)
    {
        var imageLength = channels * size.Area;
        var kept = Enumerable.Range(0, sources.Count).Where(i => failures[i] is null).ToArray();
        if (kept.Length == 0) throw NoneLoaded(sources, failures);
        if (kept.Length < sources.Count)
        {
            // Compact in place, in order: slot k receives image kept[k] >= k, so nothing is overwritten before it moves.
            for (var k = 0; k < kept.Length; k++)
            {
                if (kept[k] != k) Buffer.BlockCopy(pixels, kept[k] * imageLength, pixels, k * imageLength, imageLength);
            }
            Array.Resize(ref pixels, kept.Length * imageLength);
        }
        var labels = Array.ConvertAll(kept, sources.Label);
        var perClass = new int[classNames.Count];
        foreach (var label in labels) perClass[label]++;
        var report = new ImageLoadReport
        {
            LoadedCount = kept.Length,
            Skipped = Enumerable.Range(0, sources.Count).Where(i => failures[i] is not null)
                .Select(i => new SkippedImage(sources.Describe(i), failures[i]!.InnerException?.Message ?? failures[i]!.Message)).ToArray(),
            ResizedCount = kept.Count(i => originals[i].Size != size),
            ConvertedCount = kept.Count(i => originals[i].Channels != channels),
            ImageSize = size,
            Channels = channels,
            CountPerClass = perClass,
            Elapsed = clock.Elapsed,
        };
        var images = new LabeledImages(pixels, labels, channels, size.Height, size.Width, classNames);
        return new ImageLoadResult(images, Array.ConvertAll(kept, sources.Describe), report);
    }
}
