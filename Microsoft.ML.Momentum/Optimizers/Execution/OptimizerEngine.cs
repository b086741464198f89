using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// The runtime of one optimizer: composes the update rule (direction × step size), the learning-rate and
/// momentum schedules and the learning-rate controller; binds lazily to a backend at the first step; skips
/// non-finite steps (the caller decides when too many in a row end the run); keeps counters and diagnostics;
/// saves and loads the complete state.
/// </summary>
/// <param name="rule">The method's update rule (owned).</param>
/// <param name="controller">The learning-rate controller's runtime state (owned), or null.</param>
/// <param name="settings">The configuration, read at every use.</param>
internal sealed class OptimizerEngine(UpdateRule rule, ControllerState? controller, Func<EngineSettings> settings) : IDisposable
{
    private readonly UpdateRule _rule = rule;
    private readonly ControllerState? _controller = controller;
    private readonly CpuBackend _cpu = new();
    private IVectorBackend? _backend;
    private long _length = -1;
    private StateBag? _pending;
    private OptimizerDiagnostics _diagnostics = new()
    {
        LearningRate = double.NaN, Momentum = double.NaN, StepSize = double.NaN, PolyakStepSize = double.NaN,
        LowerBound = double.NaN, AngularVelocity = double.NaN, ControllerFactor = 1,
    };

    public TrainingHorizon? Horizon { get; set; }

    public long StepCount { get; private set; }

    public long EpochCount { get; private set; }

    public long SkippedSteps { get; private set; }

    public int ConsecutiveSkips { get; private set; }

    public OptimizerDiagnostics Diagnostics => _diagnostics;

    public bool UsesLoss => _rule.UsesLoss;

    public unsafe void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double loss)
    {
        CheckLengths(parameters.Length, gradients.Length);
        if (Overlaps(parameters, gradients)) throw new ArgumentException("The gradient must not share memory with the parameters.", nameof(gradients));
        _cpu.Threads = settings().Parallelism;
        Bind(_cpu, parameters.Length);
        fixed (float* x = parameters)
        fixed (float* g = gradients)
        {
            StepCore(new Vec(x, parameters.Length), new Vec(g, gradients.Length), loss);
        }
    }

    /// <summary>A step of the CPU backend over parameters and gradients that lie in pieces of host memory (one layout).</summary>
    public void Step(SegmentedVector parameters, SegmentedVector gradients, double loss)
    {
        if (parameters.Layout != gradients.Layout) throw new ArgumentException("The gradient's pieces must be laid out as the parameters'.", nameof(gradients));
        CheckLengths(parameters.Layout.Length, gradients.Layout.Length);
        _cpu.Threads = settings().Parallelism;
        Bind(_cpu, parameters.Layout.Length);
        StepCore(new Vec(parameters), new Vec(gradients), loss);
    }

    public void Step(FlatVector parameters, FlatVector gradients, double loss)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        CheckLengths(parameters.Length, gradients.Length);
        if (ReferenceEquals(parameters, gradients)) throw new ArgumentException("The gradient must not be the parameter vector itself.", nameof(gradients));
        if (gradients.Device != parameters.Device)
        {
            throw new ArgumentException($"The gradient lives on {gradients.Device}, the parameters on {parameters.Device}.", nameof(gradients));
        }
        if (_backend is TensorBackend bound && bound.Device != parameters.Device)
        {
            throw new InvalidOperationException($"This optimizer's state lives on {bound.Device}; the parameters are on {parameters.Device}.");
        }
        Bind(_backend as TensorBackend ?? new TensorBackend(parameters.Device), parameters.Length);
        StepCore(new Vec(parameters), new Vec(gradients), loss);
    }

    public void EndEpoch(double? metric)
    {
        EpochCount++;
        _controller?.EndEpoch(metric);
        _diagnostics = _diagnostics with { EpochCount = EpochCount, ControllerFactor = _controller?.Factor ?? 1, DropCount = _controller?.DropCount ?? 0 };
    }

    /// <summary>The learning rate the next step will use.</summary>
    public double CurrentLearningRate()
    {
        var current = settings();
        var schedule = current.LearningRateSchedule;
        var value = schedule.ValueAt(Count(schedule), new ScheduleContext(current.LearningRate, Horizon));
        return value * (_controller?.Factor ?? 1);
    }

    /// <summary>The momentum (β1) the next step will use.</summary>
    public double CurrentMomentum()
    {
        var current = settings();
        var schedule = current.MomentumSchedule;
        var beta = schedule.ValueAt(Count(schedule), new ScheduleContext(current.BaseMomentum, Horizon));
        if (!double.IsFinite(beta) || beta >= 1) throw new InvalidOperationException($"The momentum schedule produced {beta}; momentum must be below 1.");
        return beta;
    }

    private void StepCore(Vec x, Vec g, double loss)
    {
        var lr = CurrentLearningRate();
        var beta = CurrentMomentum();
        var report = new StepReport { PolyakStepSize = double.NaN, LowerBound = double.NaN };
        var applied = double.IsFinite(loss)
            && _rule.Apply(_backend!, new StepInput(x, g, _controller?.Accumulator ?? Vec.None, StepCount, lr, beta, loss), ref report);
        if (!applied)
        {
            SkippedSteps++;
            ConsecutiveSkips++;
            _diagnostics = _diagnostics with { SkippedSteps = SkippedSteps, ConsecutiveSkips = ConsecutiveSkips, LastStepSkipped = true };
            return;
        }
        StepCount++;
        ConsecutiveSkips = 0;
        _controller?.AfterStep(_backend!, x);
        _diagnostics = _diagnostics with
        {
            StepCount = StepCount,
            LearningRate = lr,
            Momentum = beta,
            StepSize = report.StepSize,
            PolyakStepSize = report.PolyakStepSize,
            LowerBound = report.LowerBound,
            ControllerFactor = _controller?.Factor ?? 1,
            AngularVelocity = _controller?.AngularVelocity ?? double.NaN,
            DropCount = _controller?.DropCount ?? 0,
            ConsecutiveSkips = 0,
            LastStepSkipped = false,
        };
    }

    private long Count(Schedule schedule) => schedule.Unit == ScheduleUnit.Step ? StepCount : EpochCount;

    private void Bind(IVectorBackend backend, long length)
    {
        if (_backend is not null)
        {
            if (_backend.GetType() != backend.GetType())
            {
                throw new InvalidOperationException("This optimizer was first stepped on " + Describe(_backend) + "; it cannot switch to " + Describe(backend) + ". Save its state and load it into a new optimizer instead.");
            }
            return;
        }
        _backend = backend;
        _length = length;
        if (_pending is { } bag)
        {
            _rule.Load(bag, backend, length);
            _controller?.Load(bag, backend, length);
            _pending = null;
        }
        else
        {
            _rule.Bind(backend, length);
            _controller?.Bind(backend, length);
        }
    }

    private static string Describe(IVectorBackend backend) => backend is TensorBackend tensors ? $"tensors on {tensors.Device}" : "CPU spans";

    private void CheckLengths(long parameters, long gradients)
    {
        if (parameters != gradients) throw new ArgumentException($"The gradient has {gradients} elements, the parameters {parameters}.", "gradients");
        if (parameters == 0) throw new ArgumentException("The parameter vector is empty.", "parameters");
        var expected = _length >= 0 ? _length : _pending?.ParameterCount ?? -1;
        if (expected >= 0 && expected != parameters)
        {
            throw new ArgumentException($"This optimizer's state is for {expected} parameters; got {parameters}.", "parameters");
        }
    }

    private static bool Overlaps(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => a.Overlaps(b);

    public void Save(Stream stream, string name)
    {
        if (_backend is null && _pending is null) throw new InvalidOperationException("The optimizer has not taken a step yet; there is no state to save.");
        var bag = new StateBag { OptimizerName = name, ParameterCount = _length >= 0 ? _length : _pending!.ParameterCount };
        if (_backend is null)
        {
            _pending!.Write(stream);
            return;
        }
        bag.Set("engine.stepCount", StepCount);
        bag.Set("engine.epochCount", EpochCount);
        bag.Set("engine.skippedSteps", SkippedSteps);
        bag.Set("engine.consecutiveSkips", ConsecutiveSkips);
        if (Horizon is { } h)
        {
            bag.Set("engine.horizonTotalSteps", h.TotalSteps);
            bag.Set("engine.horizonStepsPerEpoch", h.StepsPerEpoch);
        }
        _rule.Save(bag);
        _controller?.Save(bag);
        bag.Write(stream);
    }

    public void Load(Stream stream, string name)
    {
        var bag = StateBag.Read(stream);
        if (bag.OptimizerName != name) throw new InvalidDataException($"The state was saved by a '{bag.OptimizerName}' optimizer, not '{name}'.");
        if (_length >= 0 && bag.ParameterCount != _length)
        {
            throw new InvalidDataException($"The state is for {bag.ParameterCount} parameters; this optimizer has {_length}.");
        }
        if (_controller is not null && !bag.Contains("controller.factor")) throw new InvalidDataException("The state has no learning-rate controller state, but this optimizer has a controller.");
        StepCount = bag.GetLong("engine.stepCount");
        EpochCount = bag.GetLong("engine.epochCount");
        SkippedSteps = bag.GetLong("engine.skippedSteps");
        ConsecutiveSkips = (int)bag.GetLong("engine.consecutiveSkips");
        if (Horizon is null && bag.Contains("engine.horizonTotalSteps"))
        {
            Horizon = new TrainingHorizon(bag.GetLong("engine.horizonTotalSteps"), bag.GetLong("engine.horizonStepsPerEpoch"));
        }
        if (_backend is null)
        {
            _pending = bag;
        }
        else
        {
            _rule.Load(bag, _backend, _length);
            _controller?.Load(bag, _backend, _length);
        }
        _diagnostics = _diagnostics with
        {
            StepCount = StepCount, EpochCount = EpochCount, SkippedSteps = SkippedSteps, ConsecutiveSkips = ConsecutiveSkips,
            ControllerFactor = _controller?.Factor ?? 1, DropCount = _controller?.DropCount ?? 0,
            AngularVelocity = _controller?.AngularVelocity ?? double.NaN,
        };
    }

    public void Dispose()
    {
        _rule.Dispose();
        _controller?.Dispose();
    }
}
