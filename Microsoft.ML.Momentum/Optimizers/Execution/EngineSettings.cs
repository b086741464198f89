using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// What <see cref="OptimizerEngine"/> reads from an optimizer's configuration. The engine asks for it at every
/// use, since the options may change between steps.
/// </summary>
/// <param name="LearningRate">The base learning rate the schedule modulates.</param>
/// <param name="LearningRateSchedule">The learning-rate schedule (constant when none is set).</param>
/// <param name="BaseMomentum">The momentum (β, β1) the momentum schedule modulates.</param>
/// <param name="MomentumSchedule">The momentum schedule in effect.</param>
/// <param name="Parallelism">Threads for the CPU backend's loops.</param>
internal readonly record struct EngineSettings(
    double LearningRate, Schedule LearningRateSchedule, double BaseMomentum, Schedule MomentumSchedule, int Parallelism);
