namespace Microsoft.ML.Momentum.Schedules;

/// <summary>What a schedule counts.</summary>
public enum ScheduleUnit
{
    /// <summary>Optimizer steps taken so far (0 at the first step).</summary>
    Step,

    /// <summary>Completed epochs (0 during the first epoch); the trainer reports epoch ends to the optimizer.</summary>
    Epoch,
}
