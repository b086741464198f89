using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Optimizers that reproduce the hidden defaults of ML.NET's deep-learning trainers, so migrating users can
/// match their results. They are ordinary compositions (and serialize as such). Call <c>SetHorizon</c> with
/// ML.NET's step count, (rows / batchSize + 1) × maxEpoch, for the OneCycle presets.
/// </summary>
public static class MlNetPresets
{
    /// <summary>
    /// ML.NET's text classification / sentence similarity / NER trainers: Adam with coupled (L2) weight decay and
    /// a linear OneCycle schedule whose β1 cycling (0.95 → 0.85 → 0.95) TorchSharp applies silently; Adam's bias
    /// correction then uses the current β1 (<see cref="AdamFirstMoment.EmaPower"/>). ML.NET also clips the
    /// gradient norm to 5 before each step; that is the trainer's job, not the optimizer's.
    /// </summary>
    /// <param name="learningRate">ML.NET LearningRate[0] (peak), default 1e-4.</param>
    /// <param name="startLearningRateRatio">ML.NET StartLearningRateRatio (OneCycle div factor = 1/ratio), default 0.1.</param>
    /// <param name="finalLearningRateRatio">ML.NET FinalLearningRateRatio (final div factor = start/final), default 0.9.</param>
    /// <param name="warmupRatio">ML.NET WarmupRatio (OneCycle pct_start), default 0.06.</param>
    /// <param name="weightDecay">ML.NET WeightDecay (L2), default 0.</param>
    /// <param name="beta2">ML.NET AdamBetas[1], default 0.999 (AdamBetas[0] has no effect in ML.NET).</param>
    /// <param name="epsilon">ML.NET AdamEps, default 1e-8.</param>
    public static Adam TextClassification(double learningRate = 1e-4, double startLearningRateRatio = 0.1, double finalLearningRateRatio = 0.9,
        double warmupRatio = 0.06, double weightDecay = 0, double beta2 = 0.999, double epsilon = 1e-8) => new()
    {
        LearningRate = learningRate,
        WeightDecay = weightDecay,
        Beta1 = 0.95,
        Beta2 = beta2,
        Epsilon = epsilon,
        FirstMoment = AdamFirstMoment.EmaPower,
        LearningRateSchedule = new OneCycleSchedule
        {
            PctStart = warmupRatio,
            Anneal = AnnealStrategy.Linear,
            DivFactor = 1 / startLearningRateRatio,
            FinalDivFactor = startLearningRateRatio / finalLearningRateRatio,
        },
        MomentumSchedule = new OneCycleMomentumSchedule { PctStart = warmupRatio, Anneal = AnnealStrategy.Linear, BaseMomentum = 0.85, MaxMomentum = 0.95 },
    };

    /// <summary>
    /// ML.NET's object-detection trainer: plain SGD (learning rate InitLearningRate = 1.0) with MultiStep decay
    /// ×0.1 at the epoch milestones Steps = {6}. ML.NET also clips the gradient norm to 0.1 (trainer's job).
    /// </summary>
    /// <param name="learningRate">ML.NET InitLearningRate, default 1.0.</param>
    /// <param name="weightDecay">ML.NET WeightDecay (coupled), default 0.</param>
    /// <param name="milestoneEpochs">ML.NET Steps, default {6}.</param>
    public static Sgd ObjectDetection(double learningRate = 1.0, double weightDecay = 0, IReadOnlyList<long>? milestoneEpochs = null) => new()
    {
        LearningRate = learningRate,
        WeightDecay = weightDecay,
        LearningRateSchedule = new MultiStepSchedule { Milestones = milestoneEpochs ?? [6], Gamma = 0.1, Unit = ScheduleUnit.Epoch },
    };

    /// <summary>
    /// ML.NET's TensorFlow image classification trainer: plain gradient descent with its default
    /// ExponentialLRDecay (0.01, ×0.94 every 2 epochs, staircase).
    /// </summary>
    /// <param name="learningRate">Initial learning rate, default 0.01.</param>
    public static Sgd ImageClassification(double learningRate = 0.01) => new()
    {
        LearningRate = learningRate,
        LearningRateSchedule = new StepSchedule { StepSize = 2, Gamma = 0.94, Unit = ScheduleUnit.Epoch },
    };
}
