using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Optimizers.Execution;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// <see cref="AutoDrop"/> in the form of a TorchSharp LR scheduler, for any <c>torch.optim</c> optimizer (TorchSharp's
/// own or a <see cref="MomentumOptimizer"/>): call <see cref="step"/> after every <c>optimizer.step()</c>. It watches
/// the angular velocity of all the optimizer's parameters (read in place when they are contiguous CPU float32
/// tensors, else through one flat copy on their device) and, when it saturates, multiplies every group's learning
/// rate by <see cref="AutoDrop.Factor"/>, not below <see cref="AutoDrop.MinLearningRate"/>. It changes the learning
/// rates it finds, so combine it with a schedule only through the method's own <see cref="Optimizer.LearningRateSchedule"/>
/// (another LR scheduler would overwrite its drops). Its state saves with <see cref="save_state_dict(BinaryWriter)"/>
/// next to the optimizer's, and a loop resumed from both continues bit-identically.
/// </summary>
public sealed unsafe class AutoDropScheduler : IDisposable
{
    private const string StateName = "autoDropScheduler";
    private readonly optim.Optimizer _optimizer;
    private readonly AutoDrop _options;
    private readonly ParameterPieces _pieces;
    private readonly long _length;
    private readonly IVectorBackend _backend;
    private readonly ControllerState _state;
    private FlatParameterCopy? _copy;

    /// <summary>Watches <paramref name="optimizer"/>'s parameters with <paramref name="options"/> (default AutoDrop options).</summary>
    /// <param name="optimizer">The optimizer whose learning rates to drop.</param>
    /// <param name="options">AutoDrop's window, factor, floor and thresholds.</param>
    public AutoDropScheduler(optim.Optimizer optimizer, AutoDrop? options = null)
    {
        _optimizer = Check.NotNull(optimizer);
        _options = options ?? new AutoDrop();
        var parameters = optimizer.parameters().ToArray();
        _pieces = new ParameterPieces(parameters);
        _length = parameters.Sum(p => p.numel());
        if (_length == 0) throw new ArgumentException("The optimizer has no parameter elements to watch.", nameof(optimizer));
        if (_pieces.Locate(withGradients: false) is null)
        {
            _copy = new FlatParameterCopy(parameters, withGradients: false);
            _backend = _copy.Device.IsCpu ? new CpuBackend() : new TensorBackend(_copy.Device);
        }
        else
        {
            _backend = new CpuBackend();
        }
        _state = _options.CreateState(optimizer.ParamGroups.First().LearningRate);
        _state.Bind(_backend, _length);
    }

    /// <summary>Learning-rate drops so far.</summary>
    public int DropCount => _state.DropCount;

    /// <summary>The latest angular velocity in degrees (NaN before the third window ends).</summary>
    public double AngularVelocity => _state.AngularVelocity;

    /// <summary>Observes the parameters after an optimizer step; drops the learning rates when the trajectory saturated.</summary>
    public void step()
    {
        using (NewDisposeScope())
        {
            var x = Parameters();
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

    /// <summary>
    /// Writes AutoDrop's state (its running window, previous means and displacement, smoothing buffer, drop count) in
    /// the library's optimizer-state format; the learning rates it set are the optimizer's, saved with the optimizer.
    /// </summary>
    /// <param name="writer">Where to write, e.g. right after <c>optimizer.save_state_dict(writer)</c>.</param>
    public void save_state_dict(BinaryWriter writer)
    {
        Check.NotNull(writer).Flush();
        var bag = new StateBag { OptimizerName = StateName, ParameterCount = _length };
        _state.Save(bag);
        bag.Write(writer.BaseStream);
    }

    /// <summary>Writes the state to the file <paramref name="location"/> (see <see cref="save_state_dict(BinaryWriter)"/>).</summary>
    /// <param name="location">The file to create or overwrite.</param>
    public void save_state_dict(string location)
    {
        using var writer = new BinaryWriter(File.Create(Check.NotNull(location)));
        save_state_dict(writer);
    }

    /// <summary>Restores the state <see cref="save_state_dict(BinaryWriter)"/> wrote, for parameters of the same total size.</summary>
    /// <param name="reader">Where to read, positioned where the state starts.</param>
    /// <exception cref="InvalidDataException">The data is not an AutoDrop scheduler's state for this many parameters; nothing changed.</exception>
    public void load_state_dict(BinaryReader reader)
    {
        var bag = StateBag.Read(Check.NotNull(reader).BaseStream);
        if (bag.OptimizerName != StateName) throw new InvalidDataException($"The state was saved by a '{bag.OptimizerName}' optimizer, not by an {nameof(AutoDropScheduler)}.");
        if (bag.ParameterCount != _length) throw new InvalidDataException($"The {nameof(AutoDropScheduler)} state is for {bag.ParameterCount} parameters; this optimizer has {_length}.");
        _state.Load(bag, _backend, _length);
    }

    /// <summary>Restores the state from the file <paramref name="location"/> (see <see cref="load_state_dict(BinaryReader)"/>).</summary>
    /// <param name="location">A file <see cref="save_state_dict(string)"/> wrote.</param>
    public void load_state_dict(string location)
    {
        using var reader = new BinaryReader(File.OpenRead(Check.NotNull(location)));
        load_state_dict(reader);
    }

    /// <summary>Releases AutoDrop's vectors and the flat copy, if any.</summary>
    public void Dispose()
    {
        _state.Dispose();
        _copy?.Dispose();
    }

    /// <summary>The parameters as the backend reads them: in place when they allow it, else a fresh flat copy.</summary>
    private Vec Parameters()
    {
        if (_copy is null && _pieces.Locate(withGradients: false) is { } inPlace) return new Vec(inPlace.Parameters);
        _copy ??= new FlatParameterCopy(_optimizer.parameters(), withGradients: false);
        if (_copy.Device.IsCpu != _backend is CpuBackend)
        {
            throw new InvalidOperationException($"The optimizer's parameters moved to {_copy.Device} after the {nameof(AutoDropScheduler)} was created; create it after moving the model.");
        }
        _copy.GatherValues();
        return _copy.Device.IsCpu ? new Vec((float*)_copy.Values.Address, _copy.Values.Length) : new Vec(_copy.Values);
    }
}
