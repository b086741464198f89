using System.Text.Json.Serialization;

namespace Microsoft.ML.Momentum.Schedules;

/// <summary>
/// A schedule is a value: a pure function from a step (or epoch) count to a number, given the base value it
/// modulates (the optimizer's learning rate or momentum) and the run's horizon. Schedules are immutable and
/// carry no state, so evaluating one never changes anything; metric-driven behaviour (reduce-on-plateau,
/// AutoDrop) lives in learning-rate controllers instead. In JSON a schedule is an object with a
/// <c>"name"</c> discriminator, e.g. <c>{"name":"cosine","warmupSteps":500}</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ConstantSchedule), "constant")]
[JsonDerivedType(typeof(StepSchedule), "step")]
[JsonDerivedType(typeof(MultiStepSchedule), "multiStep")]
[JsonDerivedType(typeof(ExponentialSchedule), "exponential")]
[JsonDerivedType(typeof(LinearSchedule), "linear")]
[JsonDerivedType(typeof(CosineSchedule), "cosine")]
[JsonDerivedType(typeof(OneCycleSchedule), "oneCycle")]
[JsonDerivedType(typeof(OneCycleMomentumSchedule), "oneCycleMomentum")]
[JsonDerivedType(typeof(DemonSchedule), "demon")]
[JsonDerivedType(typeof(OffAfterSchedule), "offAfter")]
public abstract class Schedule
{
    /// <summary>Whether the schedule counts optimizer steps (default) or completed epochs.</summary>
    public ScheduleUnit Unit { get; set; } = ScheduleUnit.Step;

    /// <summary>True when the schedule needs the run's horizon (total steps or epochs).</summary>
    [JsonIgnore]
    public virtual bool NeedsHorizon => false;

    /// <summary>The value at <paramref name="count"/> (steps or epochs, see <see cref="Unit"/>; 0-based).</summary>
    /// <param name="count">Steps or epochs completed before the step being taken.</param>
    /// <param name="context">The base value and the horizon.</param>
    public abstract double ValueAt(long count, ScheduleContext context);

    /// <summary>The run's length in this schedule's unit; throws a clear error when it is unknown.</summary>
    /// <param name="context">The evaluation context.</param>
    protected long Total(ScheduleContext context)
    {
        if (context.Horizon is not { } horizon)
        {
            throw new InvalidOperationException(
                $"The '{GetType().Name}' schedule depends on the run's length: call SetHorizon(totalSteps, stepsPerEpoch) on the optimizer before the first step.");
        }
        return Unit == ScheduleUnit.Step ? horizon.TotalSteps : horizon.TotalEpochs;
    }
}
