using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Copies the options both trainers share from <see cref="TrainerSettings"/> onto a trainer's Options.</summary>
internal static class SharedTrainerOptions
{
    public static T Apply<T>(T options, TrainerSettings s, ComputeDevice device, bool hasValidationSet, bool resume, Action<TrainingProgress> progress)
        where T : ClassificationTrainerOptions
    {
        options.LabelColumnName = s.LabelColumnName;
        options.BatchSize = s.BatchSize;
        options.MaxEpoch = s.MaxEpoch;
        options.Optimizer = s.Optimizer;
        options.LearningRate = s.LearningRate;
        options.LearningRateSchedule = s.LearningRateSchedule;
        options.WeightDecay = s.WeightDecay;
        options.ValidationSetFraction = hasValidationSet ? 0 : s.ValidationSetFraction ?? 0.1;
        options.EarlyStoppingCriteria = s.EarlyStoppingCriteria;
        options.MetricsCallback = progress;
        options.LogEveryNSteps = s.LogEveryNSteps;
        options.Seed = s.Seed;
        options.Device = device;
        options.NumberOfThreads = s.NumberOfThreads;
        options.WorkspacePath = s.WorkspacePath;
        options.CheckpointEveryNEpochs = s.CheckpointEveryNEpochs;
        options.ResumeFromCheckpoint = resume;
        return options;
    }
}
