namespace Microsoft.ML.Momentum.Schedules;

/// <summary>The phase arithmetic of PyTorch's OneCycleLR, shared by the learning-rate and momentum forms.</summary>
internal static class OneCyclePhases
{
    /// <summary>
    /// Interpolates through the phases: two phases (start → peak → end) or, with
    /// <paramref name="threePhase"/>, three (start → peak → start → end).
    /// </summary>
    public static double Evaluate(long step, long total, double pctStart, bool threePhase, AnnealStrategy anneal,
        double start, double peak, double end)
    {
        Span<(double EndStep, double From, double To)> phases = stackalloc (double, double, double)[3];
        int count;
        if (threePhase)
        {
            phases[0] = (pctStart * total - 1, start, peak);
            phases[1] = (2 * pctStart * total - 2, peak, start);
            phases[2] = (total - 1, start, end);
            count = 3;
        }
        else
        {
            phases[0] = (pctStart * total - 1, start, peak);
            phases[1] = (total - 1, peak, end);
            count = 2;
        }
        var startStep = 0.0;
        for (var i = 0; i < count; i++)
        {
            var (endStep, from, to) = phases[i];
            if (step <= endStep || i == count - 1)
            {
                var width = endStep - startStep;
                var pct = width <= 0 ? 1.0 : Math.Clamp((step - startStep) / width, 0.0, 1.0);
                return anneal == AnnealStrategy.Cosine
                    ? to + (from - to) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
                    : (to - from) * pct + from;
            }
            startStep = endStep;
        }
        return end;
    }
}
