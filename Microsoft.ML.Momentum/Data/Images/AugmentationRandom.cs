namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// A small counter-based generator (SplitMix64) for augmentation: one stream per example, keyed by
/// (seed, epoch, position), so the draws do not depend on which thread fills which batch, or when.
/// </summary>
internal struct AugmentationRandom
{
    private ulong _state;

    public AugmentationRandom(long seed, int epoch, int position)
    {
        _state = Mix(Mix(Mix((ulong)seed) ^ (uint)epoch) ^ (uint)position);
    }

    /// <summary>A value in [0, <paramref name="exclusiveMax"/>).</summary>
    public int Next(int exclusiveMax) => (int)((NextUInt64() >> 32) * (ulong)exclusiveMax >> 32);

    /// <summary>A fair coin.</summary>
    public bool NextBool() => (NextUInt64() >> 63) != 0;

    private ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
