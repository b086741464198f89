namespace Microsoft.ML.Momentum.Training;

/// <summary>The loop's own counters: everything besides weights, optimizer and RNG that a checkpoint must hold.</summary>
internal sealed record TrainingState
{
    public int FormatVersion { get; init; } = 1;
    public int CompletedEpochs { get; set; }
    public int BatchesDoneInEpoch { get; set; }
    public long Step { get; set; }
    public double EpochLossSum { get; set; }
    public long EpochCorrect { get; set; }
    public long EpochSeen { get; set; }
    public double EpochSeconds { get; set; }
    public double? BestMetric { get; set; }
    public int BestEpoch { get; set; }
    public int EpochsWithoutImprovement { get; set; }
    public bool StoppedEarly { get; set; }
    public List<EpochSummary> History { get; init; } = [];

    /// <summary>What the run was started with; a checkpoint is only resumed by the same run.</summary>
    public required string Fingerprint { get; init; }
}
