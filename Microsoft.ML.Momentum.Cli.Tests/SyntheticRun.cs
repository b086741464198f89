using Microsoft.ML.Momentum.Cli.Reporting;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Tests;

/// <summary>Progress reports shaped like a real run (decaying loss, rising accuracy), for recorder and report tests.</summary>
internal static class SyntheticRun
{
    public static readonly string[] ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"];

    /// <summary>The reports of a run of <paramref name="epochs"/> × <paramref name="stepsPerEpoch"/> steps, logged every 10 steps.</summary>
    /// <param name="momo">Report MoMo's step size and lower bound.</param>
    /// <param name="autoDrop">Report AutoDrop's angular velocity and drops (at steps 130 and 270).</param>
    public static IReadOnlyList<TrainingProgress> Progress(int epochs = 4, int stepsPerEpoch = 100, bool momo = true, bool autoDrop = true, int seed = 1)
    {
        var random = new Random(seed);
        var reports = new List<TrainingProgress>();
        var total = (long)epochs * stepsPerEpoch;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var i = 10; i <= stepsPerEpoch; i += 10)
            {
                var step = (long)(epoch - 1) * stepsPerEpoch + i;
                reports.Add(Report(TrainingPhase.Step, epoch, epochs, step, total, random, momo, autoDrop, validation: null));
            }
            var accuracy = 0.6 + 0.3 * (1 - Math.Exp(-epoch / 2.0));
            var validation = Metrics(accuracy, 0.4 + 0.6 * Math.Exp(-epoch / 2.0));
            reports.Add(Report(TrainingPhase.EpochEnd, epoch, epochs, (long)epoch * stepsPerEpoch, total, random, momo, autoDrop, validation));
        }
        return reports;
    }

    public static TrainingProgress Report(TrainingPhase phase, int epoch, int maxEpoch, long step, long total, Random random, bool momo, bool autoDrop, ClassificationMetrics? validation)
    {
        var drops = !autoDrop ? 0 : step >= 270 ? 2 : step >= 130 ? 1 : 0;
        // As in the library: a step reports the rate it used; the controller drops the rate after that step.
        var dropsBefore = !autoDrop ? 0 : step > 270 ? 2 : step > 130 ? 1 : 0;
        var learningRate = 0.1 * Math.Pow(0.5, dropsBefore);
        var loss = 2.3 * Math.Exp(-step / 150.0) + 0.3 + 0.1 * random.NextDouble();
        return new TrainingProgress
        {
            Phase = phase,
            Epoch = epoch,
            MaxEpoch = maxEpoch,
            Step = step,
            TotalSteps = total,
            Loss = loss,
            EpochLoss = loss + 0.05,
            EpochAccuracy = 1 - loss / 3,
            SamplesPerSecond = 4000 + random.Next(500),
            Elapsed = TimeSpan.FromSeconds(step * 0.05),
            Validation = validation,
            Optimizer = new OptimizerDiagnostics
            {
                StepCount = step,
                LearningRate = learningRate,
                Momentum = 0.9 * (1 - (double)step / total) / (0.1 + 0.9 * (1 - (double)step / total)),
                StepSize = momo ? Math.Min(learningRate, 0.02 + 0.05 * random.NextDouble()) : learningRate,
                PolyakStepSize = momo ? 0.03 + 0.1 * random.NextDouble() : double.NaN,
                LowerBound = momo ? Math.Max(0, loss - 0.5) : double.NaN,
                ControllerFactor = Math.Pow(0.5, drops),
                AngularVelocity = autoDrop && step >= 40 ? 60 + 30 * Math.Sin(step / 40.0) : double.NaN,
                DropCount = drops,
            },
        };
    }

    public static ClassificationMetrics Metrics(double accuracy, double logLoss)
    {
        var k = ClassNames.Length;
        var matrix = new long[k][];
        for (var i = 0; i < k; i++)
        {
            matrix[i] = new long[k];
            for (var j = 0; j < k; j++) matrix[i][j] = i == j ? (long)(200 * accuracy) : (long)(200 * (1 - accuracy) / (k - 1));
        }
        return new ClassificationMetrics
        {
            Count = (int)matrix.Sum(r => r.Sum()),
            Accuracy = accuracy,
            MacroF1 = accuracy - 0.01,
            LogLoss = logLoss,
            PerClassPrecision = Enumerable.Repeat(accuracy, k).ToArray(),
            PerClassRecall = Enumerable.Repeat(accuracy, k).ToArray(),
            ConfusionMatrix = matrix,
        };
    }

    /// <summary>A recorded run with a final test evaluation.</summary>
    public static RunMetrics Metrics(bool momo = true, bool autoDrop = true, string optimizer = "momo", int seed = 1, int epochs = 4)
    {
        var recorder = new RunRecorder();
        foreach (var report in Progress(epochs, momo: momo, autoDrop: autoDrop, seed: seed)) recorder.Record(report);
        var result = new TrainingResult { History = [], SelectedEpoch = epochs, StoppedEarly = false, Steps = epochs * 100L };
        return recorder.ToMetrics($"imageClassification: smallCnn, {optimizer}", result, RunRecorder.Final("test", Metrics(0.88, 0.35)),
            ClassNames, "imageClassification", optimizer, "{\"name\": \"" + optimizer + "\"}", seed);
    }
}
