using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Optimizers.Execution;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// <see cref="AutoDrop"/> in the form of a TorchSharp LR scheduler, for any <c>torch.optim</c> optimizer (TorchSharp's
/// own or a <see cref="MomentumOptimizer"/>): call <see cref="step"/> after every <c>optimizer.step()</c>. It watches
/// the angular velocity of all the optimizer's parameters (one flat copy on their device) and, when it saturates,
/// multiplies every group's learning rate by <see cref="AutoDrop.Factor"/>, not below
/// <see cref="AutoDrop.MinLearningRate"/>. It changes the learning rates it finds, so combine it with a schedule
/// only through the method's own <see cref="Optimizer.LearningRateSchedule"/> (another LR scheduler would overwrite
/// its drops).
/// </summary>
public sealed unsafe class AutoDropScheduler : IDisposable
{
    private readonly optim.Optimizer _optimizer;
    private readonly AutoDrop _options;
    private readonly FlatParameterCopy _copy;
    private readonly IVectorBackend _backend;
    private readonly ControllerState _state;

    /// <summary>Watches <paramref name="optimizer"/>'s parameters with <paramref name="options"/> (default AutoDrop options).</summary>
    /// <param name="optimizer">The optimizer whose learning rates to drop.</param>
    /// <param name="options">AutoDrop's window, factor, floor and thresholds.</param>
    public AutoDropScheduler(optim.Optimizer optimizer, AutoDrop? options = null)
    {
        _optimizer = Check.NotNull(optimizer);
        _options = options ?? new AutoDrop();
        _copy = new FlatParameterCopy(optimizer.parameters(), withGradients: false);
        _backend = _copy.Device.IsCpu ? new CpuBackend() : new TensorBackend(_copy.Device);
        _state = _options.CreateState(optimizer.ParamGroups.First().LearningRate);
        _state.Bind(_backend, _copy.Values.Length);
    }

    /// <summary>Learning-rate drops so far.</summary>
    public int DropCount => _state.DropCount;

    /// <summary>The latest angular velocity in degrees (NaN before the third window ends).</summary>
    public double AngularVelocity => _state.AngularVelocity;

    /// <summary>Observes the parameters after an optimizer step; drops the learning rates when the trajectory saturated.</summary>
    public void step()
    {
        _copy.GatherValues();
        var x = _copy.Device.IsCpu ? new Vec((float*)_copy.Values.Address, _copy.Values.Length) : new Vec(_copy.Values);
        using (NewDisposeScope())
        {
            _backend.Axpy(_state.Accumulator, 1f, x);
            var before = _state.DropCount;
            _state.AfterStep(_backend, x);
            if (_state.DropCount == before) return;
        }
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = Math.Max(_options.MinLearningRate, group.LearningRate * _options.Factor);
        }
    }

    /// <summary>The learning rate of every group, as TorchSharp's schedulers report it.</summary>
    public IList<double> get_last_lr() => [.. _optimizer.ParamGroups.Select(g => g.LearningRate)];

    /// <summary>Releases the flat copy and AutoDrop's vectors.</summary>
    public void Dispose()
    {
        _state.Dispose();
        _copy.Dispose();
    }
}
