using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Training;

/// <summary>The optimizer as the training loop drives it: horizon, steps on a model's buffers, epoch ends, state.</summary>
public interface ITrainingOptimizer
{
    /// <summary>Called once before training with the run's length (Demon, cosine, OneCycle need it).</summary>
    /// <param name="totalSteps">Optimizer steps in the whole run.</param>
    /// <param name="stepsPerEpoch">Optimizer steps per epoch.</param>
    void Begin(long totalSteps, long stepsPerEpoch);

    /// <summary>Updates <paramref name="model"/>'s parameters from its gradient buffer and the minibatch loss.</summary>
    /// <param name="model">The model after its training step.</param>
    /// <param name="loss">The minibatch loss.</param>
    void Step(NativeModel model, double loss);

    /// <summary>Called after each epoch with the validation metric when there is one (reduce-on-plateau, per-epoch AutoDrop).</summary>
    /// <param name="epoch">The epoch just finished (1-based).</param>
    /// <param name="validationLoss">Validation log-loss, or null without validation data.</param>
    void EndEpoch(int epoch, double? validationLoss);

    /// <summary>Diagnostics after the latest step.</summary>
    OptimizerDiagnostics Diagnostics { get; }

    /// <summary>Writes the complete state (moments, counters, schedule state).</summary>
    /// <param name="stream">Destination.</param>
    void SaveState(Stream stream);

    /// <summary>Restores a state written by <see cref="SaveState"/>.</summary>
    /// <param name="stream">Source.</param>
    void LoadState(Stream stream);
}
