using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Training;

/// <summary>Holds out a fraction of each class, deterministically for a seed on every machine and .NET version.</summary>
internal static class StratifiedSplit
{
    /// <summary>
    /// Indices kept for training and held out for validation: of each class's n examples, round(n × fraction)
    /// are held out (at least one when the class has two or more). Both lists keep the source order.
    /// </summary>
    public static (int[] Train, int[] Validation) Split(IReadOnlyList<int> labels, double fraction, int seed)
    {
        var heldOut = new bool[labels.Count];
        var random = new SplitMix64((ulong)(uint)seed);
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = (int)Math.Round(members.Length * fraction, MidpointRounding.AwayFromZero);
            if (take == 0 && members.Length >= 2) take = 1;
            for (var i = 0; i < take; i++) heldOut[members[i]] = true;
        }
        return (Enumerable.Range(0, labels.Count).Where(i => !heldOut[i]).ToArray(),
                Enumerable.Range(0, labels.Count).Where(i => heldOut[i]).ToArray());
    }
}
