namespace Microsoft.ML.Momentum.Schedules;

/// <summary>What a schedule sees when it is evaluated: the base value it modulates and the run's horizon.</summary>
/// <param name="BaseValue">The optimizer's configured value (learning rate or momentum) that the schedule modulates.</param>
/// <param name="Horizon">The run's planned length, or null when the trainer did not give it.</param>
public readonly record struct ScheduleContext(double BaseValue, TrainingHorizon? Horizon);
