namespace Microsoft.ML.Momentum.Cli.Reporting;

/// <summary>The charts of a training report, built from a run's <see cref="RunMetrics"/>; ids are stable (tests look for them).</summary>
internal static class ReportCharts
{
    public const string Loss = "chart-loss";
    public const string Accuracy = "chart-accuracy";
    public const string LearningRate = "chart-learning-rate";
    public const string Momentum = "chart-momentum";
    public const string MomoStepSize = "chart-momo-step-size";
    public const string MomoLowerBound = "chart-momo-lower-bound";
    public const string AngularVelocity = "chart-angular-velocity";

    public static readonly string[] All = [Loss, Accuracy, LearningRate, Momentum, MomoStepSize, MomoLowerBound, AngularVelocity];

    public static LineChart LossChart(RunMetrics m)
    {
        var chart = new LineChart(Loss, "Loss", "optimizer step", "loss");
        chart.Series.Add(new ChartSeries("train (minibatch)", m.Steps.Select(s => ((double)s.Step, s.Loss)).ToArray(), "#a0cbe8"));
        chart.Series.Add(new ChartSeries("train (epoch mean)", Epoch(m, e => e.TrainLoss, bySteps: true), ChartColors.At(0)) { Dots = true });
        chart.Series.Add(new ChartSeries("validation", Epoch(m, e => e.ValidationLoss, bySteps: true), ChartColors.At(1)) { Dashed = true, Dots = true });
        return chart;
    }

    public static LineChart AccuracyChart(RunMetrics m)
    {
        var chart = new LineChart(Accuracy, "Accuracy", "epoch", "accuracy");
        chart.Series.Add(new ChartSeries("train", Epoch(m, e => e.TrainAccuracy, bySteps: false), ChartColors.At(0)) { Dots = true });
        chart.Series.Add(new ChartSeries("validation", Epoch(m, e => e.ValidationAccuracy, bySteps: false), ChartColors.At(1)) { Dashed = true, Dots = true });
        chart.Series.Add(new ChartSeries("validation macro-F1", Epoch(m, e => e.ValidationMacroF1, bySteps: false), ChartColors.At(2)) { Dashed = true, Dots = true });
        return chart;
    }

    public static LineChart LearningRateChart(RunMetrics m)
    {
        var chart = new LineChart(LearningRate, "Learning rate", "optimizer step", "learning rate") { LogYAboveRatio = 50 };
        chart.Series.Add(new ChartSeries("learning rate", StepSeries(m, s => s.LearningRate), ChartColors.At(0)));
        chart.Markers.AddRange(DropPoints.Find(m));
        return chart;
    }

    public static LineChart MomentumChart(RunMetrics m)
    {
        var chart = new LineChart(Momentum, "Momentum (β / β1)", "optimizer step", "momentum");
        chart.Series.Add(new ChartSeries("momentum", StepSeries(m, s => s.Momentum), ChartColors.At(4)));
        return chart;
    }

    public static LineChart MomoStepSizeChart(RunMetrics m)
    {
        var chart = new LineChart(MomoStepSize, "MoMo step size τ (capped at the learning rate α)", "optimizer step", "step size") { LogYAboveRatio = 50 };
        chart.Series.Add(new ChartSeries("step size τ", StepSeries(m, s => s.PolyakStepSize is null ? null : s.StepSize), ChartColors.At(2)));
        chart.Series.Add(new ChartSeries("Polyak step", StepSeries(m, s => s.PolyakStepSize), ChartColors.At(6)) { Dashed = true });
        chart.Series.Add(new ChartSeries("cap α", StepSeries(m, s => s.PolyakStepSize is null ? null : s.LearningRate), ChartColors.At(9)) { Dashed = true });
        return chart;
    }

    public static LineChart MomoLowerBoundChart(RunMetrics m)
    {
        var chart = new LineChart(MomoLowerBound, "MoMo lower bound ℓ and training loss", "optimizer step", "loss");
        chart.Series.Add(new ChartSeries("lower bound ℓ", StepSeries(m, s => s.LowerBound), ChartColors.At(3)));
        chart.Series.Add(new ChartSeries("train loss (epoch so far)", StepSeries(m, s => s.LowerBound is null ? null : s.EpochLoss), "#a0cbe8"));
        return chart;
    }

    public static LineChart AngularVelocityChart(RunMetrics m)
    {
        var chart = new LineChart(AngularVelocity, "AutoDrop angular velocity (drops marked)", "optimizer step", "degrees");
        chart.Series.Add(new ChartSeries("angular velocity ω", StepSeries(m, s => s.AngularVelocity), ChartColors.At(6)) { Dots = true });
        chart.Markers.AddRange(DropPoints.Find(m));
        return chart;
    }

    private static (double X, double Y)[] StepSeries(RunMetrics m, Func<StepRecord, double?> value)
        => m.Steps.Where(s => value(s) is not null).Select(s => ((double)s.Step, value(s)!.Value)).ToArray();

    private static (double X, double Y)[] Epoch(RunMetrics m, Func<EpochRecord, double?> value, bool bySteps)
        => m.Epochs.Where(e => value(e) is not null).Select(e => (bySteps ? e.Step : (double)e.Epoch, value(e)!.Value)).ToArray();
}
