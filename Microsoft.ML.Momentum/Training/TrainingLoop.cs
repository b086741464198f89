using System.Diagnostics;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// The training loop shared by the image and text trainers: seeded shuffling every epoch, minibatches, one
/// TorchSharp training step and one optimizer step per batch, validation and early stopping every epoch,
/// checkpoints every N epochs and on cancellation that resume bit for bit, and progress reports.
/// </summary>
internal sealed class TrainingLoop
{
    private readonly TorchModel _model;
    private readonly Optimizer _optimizer;
    private readonly IBatchSource _train;
    private readonly IBatchSource? _validation;
    private readonly TrainingLoopOptions _options;
    private NonFiniteGuard? _guard;

    /// <summary>Prepares a run; nothing happens until <see cref="Run"/>.</summary>
    /// <param name="model">The model to train (its weights are updated in place).</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Validation data, or null.</param>
    /// <param name="options">Loop settings.</param>
    public TrainingLoop(TorchModel model, Optimizer optimizer, IBatchSource train, IBatchSource? validation, TrainingLoopOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _validation = validation;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        if (options.MaxEpoch < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxEpoch, "MaxEpoch must be at least 1.");
        if (options.CheckpointEveryNEpochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.CheckpointEveryNEpochs, "CheckpointEveryNEpochs must be at least 1.");
        if (train.Count == 0) throw new ArgumentException("The training data holds no examples.", nameof(train));
        options.EarlyStopping?.Validate();
        if (options.EarlyStopping is not null && validation is null)
        {
            throw new ArgumentException("EarlyStoppingCriteria needs validation data (ValidationSet or ValidationSetFraction).", nameof(validation));
        }
    }

    /// <summary>Steps per epoch: ⌈examples / batch size⌉.</summary>
    public long StepsPerEpoch => (_train.Count + _options.BatchSize - 1) / _options.BatchSize;

    /// <summary>
    /// Trains to the end (or until early stopping). On cancellation a checkpoint is written (when a path is
    /// set) before <see cref="OperationCanceledException"/> propagates.
    /// </summary>
    /// <param name="cancellation">Cancels the run between steps.</param>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        var stepsPerEpoch = StepsPerEpoch;
        _optimizer.SetHorizon(new TrainingHorizon(_options.PriorOptimizerSteps + stepsPerEpoch * _options.MaxEpoch, stepsPerEpoch));
        var bestWeights = Path.Combine(Path.GetTempPath(), $"momentum-best-{Guid.NewGuid():N}.pt");
        using var guard = _guard = new NonFiniteGuard(_model);
        try
        {
            var state = StartState(bestWeights);
            var clock = Stopwatch.StartNew();
            while (state.CompletedEpochs < _options.MaxEpoch && !state.StoppedEarly)
            {
                RunEpoch(state, clock, bestWeights, cancellation);
            }
            var restore = _options.EarlyStopping is { RestoreBestWeights: true } && File.Exists(bestWeights);
            if (restore) _model.Load(bestWeights);
            return new TrainingResult
            {
                History = state.History,
                SelectedEpoch = restore ? state.BestEpoch : state.CompletedEpochs,
                StoppedEarly = state.StoppedEarly,
                Steps = state.Step,
            };
        }
        finally
        {
            File.Delete(bestWeights);
        }
    }

    private TrainingState StartState(string bestWeights)
    {
        var fingerprint = $"examples={_train.Count};batch={_options.BatchSize};epochs={_options.MaxEpoch};seed={_options.Seed};" +
                          $"parameters={_model.ParameterCount};architecture={_model.Spec.Architecture}";
        if (_options is { ResumeFromCheckpoint: true, CheckpointPath: { } path } && File.Exists(path))
        {
            var resumed = TrainingCheckpoint.Read(path, fingerprint, _model, bestWeights, _optimizer);
            _guard!.LastCheckpoint = path;
            return resumed;
        }
        if (_options.InitialOptimizerState is { } optimizerState)
        {
            using var stream = new MemoryStream(optimizerState, writable: false);
            try
            {
                _optimizer.LoadState(stream);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidOperationException($"The previous optimizer state cannot be continued: {e.Message} Use the previous run's optimizer, or start the optimizer afresh.", e);
            }
        }
        return new TrainingState { Fingerprint = fingerprint };
    }

    private void RunEpoch(TrainingState state, Stopwatch clock, string bestWeights, CancellationToken cancellation)
    {
        var epoch = state.CompletedEpochs + 1;
        var order = EpochOrder(epoch);
        var skip = Math.Min(state.BatchesDoneInEpoch * _options.BatchSize, order.Length);
        var epochClock = Stopwatch.StartNew();
        var secondsBefore = state.EpochSeconds;
        _model.IsTraining = true;
        try
        {
            foreach (var batch in _train.Batches(order, skip, _options.BatchSize, _options.Augment, epoch, cancellation))
            {
                var (result, skipped) = _guard!.Run(() => ModelBatchRunner.Train(_model, batch), StepOptimizer, _optimizer, epoch, state.Step + 1);
                state.Step++;
                state.BatchesDoneInEpoch++;
                if (!skipped)
                {
                    state.EpochLossSum += result.Loss * batch.Count;
                    state.EpochCorrect += result.Correct;
                    state.EpochSeen += batch.Count;
                }
                state.EpochSeconds = secondsBefore + epochClock.Elapsed.TotalSeconds;
                if (state.Step % _options.LogEveryNSteps == 0) Report(TrainingPhase.Step, state, epoch, result.Loss, clock, null);
                cancellation.ThrowIfCancellationRequested();
            }
            cancellation.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (_options.CheckpointPath is { } path)
        {
            WriteCheckpoint(path, state, bestWeights);
            throw;
        }
        FinishEpoch(state, epoch, clock, bestWeights, cancellation);
    }

    private void FinishEpoch(TrainingState state, int epoch, Stopwatch clock, string bestWeights, CancellationToken cancellation)
    {
        var validation = _validation is null ? null : ModelBatchRunner.Evaluate(_model, _validation, _options.BatchSize, cancellation);
        _optimizer.EndEpoch(validation?.LogLoss);
        var summary = new EpochSummary
        {
            Epoch = epoch,
            Step = state.Step,
            TrainLoss = state.EpochLossSum / Math.Max(state.EpochSeen, 1),
            TrainAccuracy = (double)state.EpochCorrect / Math.Max(state.EpochSeen, 1),
            ValidationAccuracy = validation?.Accuracy ?? double.NaN,
            ValidationLoss = validation?.LogLoss ?? double.NaN,
            ValidationMacroF1 = validation?.MacroF1 ?? double.NaN,
            LearningRate = _optimizer.Diagnostics.LearningRate,
            Seconds = state.EpochSeconds,
        };
        Report(TrainingPhase.EpochEnd, state, epoch, state.EpochLossSum / Math.Max(state.EpochSeen, 1), clock, validation);
        state.History.Add(summary);
        state.CompletedEpochs = epoch;
        state.BatchesDoneInEpoch = 0;
        state.EpochLossSum = 0;
        state.EpochCorrect = 0;
        state.EpochSeen = 0;
        state.EpochSeconds = 0;
        if (_options.EarlyStopping is { } stopping && validation is not null) UpdateEarlyStopping(state, stopping, validation, epoch, bestWeights);
        var last = state.CompletedEpochs == _options.MaxEpoch || state.StoppedEarly;
        if (_options.CheckpointPath is { } path && (epoch % _options.CheckpointEveryNEpochs == 0 || last))
        {
            WriteCheckpoint(path, state, bestWeights);
        }
    }

    /// <summary>Writes a checkpoint unless the latest steps were skipped (the weights may have diverged): the last good one then stays.</summary>
    private void WriteCheckpoint(string path, TrainingState state, string bestWeights)
    {
        if (_optimizer.Diagnostics.ConsecutiveSkips > 0) return;
        TrainingCheckpoint.Write(path, state, _model, File.Exists(bestWeights) ? bestWeights : null, _optimizer);
        _guard!.LastCheckpoint = path;
    }

    private void UpdateEarlyStopping(TrainingState state, EarlyStoppingCriteria stopping, ClassificationMetrics validation, int epoch, string bestWeights)
    {
        var value = validation.Get(stopping.Metric);
        if (stopping.Improves(value, state.BestMetric))
        {
            state.BestMetric = value;
            state.BestEpoch = epoch;
            state.EpochsWithoutImprovement = 0;
            if (stopping.RestoreBestWeights) _model.Save(bestWeights);
        }
        else if (++state.EpochsWithoutImprovement >= stopping.Patience)
        {
            state.StoppedEarly = true;
        }
    }

    private void Report(TrainingPhase phase, TrainingState state, int epoch, double loss, Stopwatch clock, ClassificationMetrics? validation)
    {
        if (_options.MetricsCallback is not { } callback) return;
        callback(new TrainingProgress
        {
            Phase = phase,
            Epoch = epoch,
            MaxEpoch = _options.MaxEpoch,
            Step = state.Step,
            TotalSteps = StepsPerEpoch * _options.MaxEpoch,
            Loss = loss,
            EpochLoss = state.EpochLossSum / Math.Max(state.EpochSeen, 1),
            EpochAccuracy = (double)state.EpochCorrect / Math.Max(state.EpochSeen, 1),
            Optimizer = _optimizer.Diagnostics,
            SamplesPerSecond = state.EpochSeconds > 0 ? state.EpochSeen / state.EpochSeconds : 0,
            Elapsed = clock.Elapsed,
            Validation = validation,
        });
    }

    /// <summary>CPU buffers are updated in place through spans (the fused SIMD backend); device buffers by the tensor backend (TorchSharp ops).</summary>
    private void StepOptimizer(double loss)
    {
        if (_model.Device.IsCpu) _optimizer.Step(_model.Parameters.AsSpan(), _model.Gradients.AsSpan(), loss);
        else _optimizer.Step(_model.Parameters, _model.Gradients, loss);
    }

    /// <summary>The visiting order of an epoch: a function of (seed, epoch) alone, so a resumed run sees the same order.</summary>
    private int[] EpochOrder(int epoch)
    {
        var order = Enumerable.Range(0, _train.Count).ToArray();
        if (_options.Shuffle) new Random(unchecked(_options.Seed * 1_000_003 + epoch)).Shuffle(order);
        return order;
    }
}
