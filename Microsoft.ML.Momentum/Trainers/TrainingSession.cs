using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>What the trainers do around the shared <see cref="TrainingLoop"/>: environment, optimizer copy, loop settings.</summary>
internal static class TrainingSession
{
    /// <summary>The seed of a run whose options and context set none.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The seed of a run: the options' seed, else the context's, else <see cref="DefaultSeed"/>.</summary>
    public static int SeedOf(ClassificationTrainerOptions options, int? contextSeed) => options.Seed ?? contextSeed ?? DefaultSeed;

    /// <summary>Applies the thread count and resolves the device (auto-detecting CUDA when none is set).</summary>
    public static ComputeDevice Prepare(ClassificationTrainerOptions options)
    {
        TorchRuntime.ThreadCount = options.NumberOfThreads ?? Environment.ProcessorCount;
        return options.Device ?? ComputeDevice.Default;
    }

    /// <summary>
    /// A fresh copy of the configured optimizer with the options' overrides applied, told the run's length (which
    /// schedules such as Demon's need before they can be validated) and validated.
    /// </summary>
    public static Optimizer CreateOptimizer(ClassificationTrainerOptions options, Func<Optimizer> defaultOptimizer, int trainingExamples)
    {
        var optimizer = options.Optimizer?.Clone() ?? defaultOptimizer();
        if (options.LearningRate is { } learningRate) optimizer.LearningRate = learningRate;
        if (options.LearningRateSchedule is { } schedule) optimizer.LearningRateSchedule = schedule;
        if (options.WeightDecay is { } weightDecay) optimizer.WeightDecay = weightDecay;
        optimizer.Parallelism = options.NumberOfThreads ?? Environment.ProcessorCount;
        var stepsPerEpoch = Math.Max(1, (trainingExamples + options.BatchSize - 1) / options.BatchSize);
        optimizer.SetHorizon((long)stepsPerEpoch * options.MaxEpoch, stepsPerEpoch);
        optimizer.Validate();
        return optimizer;
    }

    /// <summary>Trains <paramref name="model"/> in place and returns the run's history; <paramref name="optimizerState"/> continues a previous run's optimizer.</summary>
    public static TrainingResult Run(ClassificationTrainerOptions options, int seed, TorchModel model, Optimizer optimizer,
        IBatchSource train, IBatchSource? validation, bool augment, OptimizerSnapshot? optimizerState, CancellationToken cancellation)
    {
        var loopOptions = new TrainingLoopOptions
        {
            BatchSize = options.BatchSize,
            MaxEpoch = options.MaxEpoch,
            Seed = seed,
            Augment = augment,
            EarlyStopping = options.EarlyStoppingCriteria,
            MetricsCallback = options.MetricsCallback,
            LogEveryNSteps = options.LogEveryNSteps,
            CheckpointPath = options.CheckpointPath,
            CheckpointEveryNEpochs = options.CheckpointEveryNEpochs,
            ResumeFromCheckpoint = options.ResumeFromCheckpoint,
            InitialOptimizerState = optimizerState?.State,
            PriorOptimizerSteps = optimizerState?.Steps ?? 0,
        };
        return new TrainingLoop(model, optimizer, train, validation, loopOptions).Run(cancellation);
    }

    /// <summary>The optimizer's final state when the options keep it, else null.</summary>
    public static OptimizerSnapshot? Keep(ClassificationTrainerOptions options, Optimizer optimizer)
        => options.KeepOptimizerState && optimizer.StepCount > 0 ? OptimizerSnapshot.Of(optimizer) : null;
}
