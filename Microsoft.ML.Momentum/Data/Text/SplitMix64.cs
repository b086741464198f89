namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// A tiny, fully specified pseudo-random generator (SplitMix64), so that shuffles and splits are the same on
/// every machine and .NET version, unlike <see cref="Random"/> whose algorithm is an implementation detail.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (Lemire's nearly-divisionless method).</summary>
    public int NextInt(int bound)
    {
        ulong b = (ulong)bound;
        while (true)
        {
            ulong x = Next();
            UInt128 m = (UInt128)x * b;
            ulong low = (ulong)m;
            if (low >= b || low >= (0UL - b) % b)
            {
                return (int)(m >> 64);
            }
        }
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
