using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Keeps non-finite steps from damaging a run. The optimizer skips a step whose loss or gradient is NaN/±∞, but
/// the forward pass has already updated the batch-norm statistics with that batch; they are put back here. When
/// the optimizer gives up (too many skips in a row), its error is rethrown with the epoch, the step and the last
/// good checkpoint.
/// </summary>
internal sealed class NonFiniteGuard : IDisposable
{
    private readonly TorchModel _model;
    private readonly Tensor[] _saved;

    /// <summary>Prepares copies of <paramref name="model"/>'s buffers (none for a model without any).</summary>
    public NonFiniteGuard(TorchModel model)
    {
        _model = model;
        using (no_grad())
        {
            _saved = model.Buffers.Select(b => b.Value.detach().clone().DetachFromDisposeScope()).ToArray();
        }
    }

    /// <summary>The last checkpoint written or resumed from, named in the error; null while there is none.</summary>
    public string? LastCheckpoint { get; set; }

    /// <summary>
    /// Runs one training step (<paramref name="train"/>, then <paramref name="step"/> with its loss) and reports
    /// whether the optimizer skipped it; <paramref name="epoch"/> and <paramref name="loopStep"/> (this step's
    /// 1-based number) go into the error.
    /// </summary>
    public (TrainStepResult Result, bool Skipped) Run(Func<TrainStepResult> train, Action<double> step, IOptimizer optimizer, int epoch, long loopStep)
    {
        Copy(_model.Buffers.Select(b => b.Value), _saved);
        var result = train();
        try
        {
            step(result.Loss);
        }
        catch (NonFiniteStepException e) when (e.Epoch is null)
        {
            Restore();
            throw e.At(epoch, loopStep, LastCheckpoint);
        }
        var skipped = optimizer.Diagnostics.LastStepSkipped;
        if (skipped) Restore();
        return (result, skipped);
    }

    /// <summary>Frees the copies.</summary>
    public void Dispose()
    {
        foreach (var tensor in _saved) tensor.Dispose();
    }

    private void Restore() => Copy(_saved, _model.Buffers.Select(b => b.Value).ToArray());

    private static void Copy(IEnumerable<Tensor> from, Tensor[] to)
    {
        if (to.Length == 0) return;
        using var _ = no_grad();
        var i = 0;
        foreach (var source in from) to[i++].copy_(source);
    }
}
