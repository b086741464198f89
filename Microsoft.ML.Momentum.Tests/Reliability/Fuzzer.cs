namespace Microsoft.ML.Momentum.Tests.Reliability;

/// <summary>
/// Seeded mutation fuzzing: each case mutates one of the valid seed inputs (bit flips, byte overwrites with
/// boundary and syntax bytes, insertions, deletions, truncation, duplicated spans) and runs the target; only the
/// target's documented exception types may escape. The case count is <c>MOMENTUM_FUZZ_CASES</c> when set (the
/// benchmark), else the caller's (CI).
/// </summary>
internal static class Fuzzer
{
    private static readonly byte[] Interesting = [0x00, 0xFF, 0x7F, 0x80, (byte)'"', (byte)',', (byte)'\t', (byte)'\n', (byte)'\r', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', (byte)'\\', 0xC3, 0xE2];

    /// <summary>The case count: <c>MOMENTUM_FUZZ_CASES</c> when set, else <paramref name="ciCases"/>.</summary>
    public static int Cases(int ciCases) => int.TryParse(Environment.GetEnvironmentVariable("MOMENTUM_FUZZ_CASES"), out var n) && n > 0 ? n : ciCases;

    /// <summary>
    /// Runs <paramref name="cases"/> mutated inputs through <paramref name="target"/>; an exception that is not one of
    /// <paramref name="documented"/> fails naming the case, the seed and the exception. Returns how many were refused.
    /// </summary>
    public static int Run(string name, IReadOnlyList<byte[]> seeds, int cases, int seed, Action<byte[]> target, params Type[] documented)
    {
        var random = new Random(seed);
        var refused = 0;
        for (var i = 0; i < cases; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            try
            {
                target(input);
            }
            catch (Exception e) when (documented.Any(t => t.IsInstanceOfType(e)))
            {
                refused++;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{name} fuzz case {i} (seed {seed}) threw an undocumented {e.GetType().FullName}: {e.Message}", e);
            }
        }
        Console.WriteLine($"{name}: {cases} mutated inputs, {refused} refused with a documented exception, {cases - refused} accepted");
        return refused;
    }

    /// <summary>One to four random edits of <paramref name="original"/>.</summary>
    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (int edit = 0, edits = random.Next(1, 5); edit < edits; edit++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 2: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 3 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5 when bytes.Count > 0: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 32)))); break;
                case 6 when bytes.Count > 3: bytes[at] = (byte)random.Next(256); break;
            }
        }
        return [.. bytes];
    }
}
