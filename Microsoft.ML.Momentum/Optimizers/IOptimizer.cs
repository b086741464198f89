using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// An optimizer over one flat float32 parameter vector, updated in place from one flat gradient vector and
/// the minibatch loss (used by loss-aware methods such as MoMo, ignored by the others). Call
/// <see cref="SetHorizon"/> before the first step when a schedule depends on the run's length, <c>Step</c>
/// once per minibatch, <see cref="EndEpoch"/> after each epoch, and read <see cref="Diagnostics"/> after
/// each step. <see cref="SaveState"/>/<see cref="LoadState"/> resume a run bit-identically.
/// </summary>
public interface IOptimizer
{
    /// <summary>Number of steps applied so far (skipped steps excluded).</summary>
    long StepCount { get; }

    /// <summary>Whether <c>Step</c> needs the true minibatch loss (MoMo); the others ignore it.</summary>
    bool RequiresLoss { get; }

    /// <summary>What the latest step did: learning rate, momentum, MoMo's τ and bound, AutoDrop's ω, skips.</summary>
    OptimizerDiagnostics Diagnostics { get; }

    /// <summary>Threads for the CPU loops, ≥ 1 (default min(2, processor count)); results do not depend on it.</summary>
    int Parallelism { get; set; }

    /// <summary>Tells the optimizer the run's length; required by Demon, cosine, linear and OneCycle schedules.</summary>
    /// <param name="horizon">Total optimizer steps and steps per epoch.</param>
    void SetHorizon(TrainingHorizon horizon);

    /// <summary>Applies one update to <paramref name="parameters"/> (CPU backend: fused multi-threaded SIMD loops).</summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">The minibatch gradient, same length as <paramref name="parameters"/>.</param>
    /// <param name="loss">The same minibatch's unscaled loss (pass 0 when the method ignores it and you have none).</param>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double loss);

    /// <summary>Marks the end of an epoch; the metric drives reduce-on-plateau (null when there is none).</summary>
    /// <param name="validationMetric">The epoch's validation metric, or null.</param>
    void EndEpoch(double? validationMetric = null);

    /// <summary>Writes the complete state (counters, scalars, vectors, controller) in a versioned format.</summary>
    /// <param name="stream">Destination.</param>
    void SaveState(Stream stream);

    /// <summary>Restores a state written by <see cref="SaveState"/> from an optimizer with the same configuration.</summary>
    /// <param name="stream">Source.</param>
    void LoadState(Stream stream);
}
