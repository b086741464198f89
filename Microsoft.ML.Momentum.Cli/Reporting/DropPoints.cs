namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>
/// Where a learning-rate controller (AutoDrop, reduce-on-plateau) dropped the learning rate: the first recorded
/// point at which the optimizer's drop counter is higher than at the point before. With steps logged every N
/// steps, a drop is placed at the first logged step after it happened.
/// </summary>
internal static class DropPoints
{
    public static IReadOnlyList<ChartMarker> Find(RunMetrics metrics)
    {
        var points = metrics.Steps.Select(s => (s.Step, s.DropCount, s.LearningRate))
            .Concat(metrics.Epochs.Select(e => (e.Step, e.DropCount, e.LearningRate)))
            .OrderBy(p => p.Step).ThenBy(p => p.DropCount)
            .ToArray();
        var markers = new List<ChartMarker>();
        var previous = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var (step, drops, _) = points[i];
            if (drops > previous)
            {
                var count = drops - previous == 1 ? $"drop {drops}" : $"drops {previous + 1}-{drops}";
                // A point's learning rate is the one its step used; the controller drops it after that step,
                // so the new rate is the one the next point reports.
                var rate = i + 1 < points.Length && points[i + 1].LearningRate is { } lr ? $", learning rate now {LineChart.Label(lr)}" : "";
                markers.Add(new ChartMarker(step, $"{count} by step {step}{rate}"));
            }
            previous = Math.Max(previous, drops);
        }
        return markers;
    }
}
