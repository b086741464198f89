namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>What a load did: how many images, at which shape, what was converted, resized or skipped.</summary>
public sealed record ImageLoadReport
{
    /// <summary>Images in the loaded set.</summary>
    public required int LoadedCount { get; init; }

    /// <summary>Images left out because <see cref="ImageLoadOptions.SkipInvalidImages"/> was set, in load order.</summary>
    public required IReadOnlyList<SkippedImage> Skipped { get; init; }

    /// <summary>Number of <see cref="Skipped"/> images.</summary>
    public int SkippedCount => Skipped.Count;

    /// <summary>Images whose size differed from <see cref="ImageSize"/> and were resized.</summary>
    public required int ResizedCount { get; init; }

    /// <summary>Images whose channel count differed from <see cref="Channels"/> and were converted (alpha dropped, gray ↔ RGB).</summary>
    public required int ConvertedCount { get; init; }

    /// <summary>The size of every loaded image.</summary>
    public required ImageSize ImageSize { get; init; }

    /// <summary>Channels of every loaded image (1 or 3).</summary>
    public required int Channels { get; init; }

    /// <summary>Loaded images per class, by label.</summary>
    public required IReadOnlyList<int> CountPerClass { get; init; }

    /// <summary>Wall-clock time of the load.</summary>
    public required TimeSpan Elapsed { get; init; }
}
