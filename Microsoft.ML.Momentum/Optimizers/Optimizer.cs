using System.Text.Json.Serialization;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Base of every optimizer: its configuration (hyper-parameters, learning-rate and momentum schedules, an
/// optional learning-rate controller) and, once stepped, its runtime state. Each method is a small preset
/// class that picks a direction rule and a step-size rule; schedules and controllers compose with all of them.
/// Configure from code (<c>new Adam { LearningRate = 3e-4 }</c>) or from JSON through
/// <see cref="OptimizerJson"/>, where the <c>"name"</c> field selects the method. Hyper-parameters are
/// validated when set (an <see cref="ArgumentException"/> names the option and its range).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Sgd), "sgd")]
[JsonDerivedType(typeof(SgdMomentum), "sgdMomentum")]
[JsonDerivedType(typeof(DemonSgd), "demonSgd")]
[JsonDerivedType(typeof(Adam), "adam")]
[JsonDerivedType(typeof(AdamW), "adamW")]
[JsonDerivedType(typeof(DemonAdam), "demonAdam")]
[JsonDerivedType(typeof(Momo), "momo")]
[JsonDerivedType(typeof(MomoAdam), "momoAdam")]
public abstract class Optimizer : IOptimizer, IDisposable
{
    private static readonly ConstantSchedule ConstantSchedule = new();
    private OptimizerEngine? _engine;
    private TrainingHorizon? _horizon;
    private LearningRateController? _controller;

    /// <summary>Base learning rate, ≥ 0; schedules and controllers modulate it (MoMo: the cap α).</summary>
    public double LearningRate { get; set => field = Check.NonNegative(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Weight decay λ, ≥ 0 (default 0); coupled or decoupled as the method says.</summary>
    public double WeightDecay { get; set => field = Check.NonNegative(value, nameof(WeightDecay)); }

    /// <summary>Learning-rate schedule (base = <see cref="LearningRate"/>); null means constant.</summary>
    public Schedule? LearningRateSchedule { get; set; }

    /// <summary>Momentum / β1 schedule (base = the method's momentum); null means the method's default (constant, Demon for the Demon presets).</summary>
    public Schedule? MomentumSchedule { get; set; }

    /// <summary>Learning-rate controller (AutoDrop, reduce-on-plateau) on top of the schedule; null for none.</summary>
    public LearningRateController? Controller { get => _controller; set => _controller = value; }

    /// <summary>Consecutive non-finite steps (each skipped) after which <c>Step</c> throws <see cref="NonFiniteStepException"/>, ≥ 1 (default 20).</summary>
    public int MaxConsecutiveSkips { get; set => field = Check.AtLeast(value, 1, nameof(MaxConsecutiveSkips)); } = 20;

    /// <inheritdoc />
    [JsonIgnore]
    public int Parallelism { get; set => field = Check.AtLeast(value, 1, nameof(Parallelism)); } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>The registry name of this method (the JSON <c>"name"</c>).</summary>
    [JsonIgnore]
    public string Name => OptimizerJson.NameOf(GetType());

    /// <inheritdoc />
    [JsonIgnore]
    public long StepCount => _engine?.StepCount ?? 0;

    /// <inheritdoc />
    [JsonIgnore]
    public virtual bool RequiresLoss => false;

    /// <inheritdoc />
    [JsonIgnore]
    public OptimizerDiagnostics Diagnostics => Engine.Diagnostics;

    /// <summary>The run's horizon if set.</summary>
    [JsonIgnore]
    public TrainingHorizon? Horizon => _engine?.Horizon ?? _horizon;

    /// <summary>The learning rate the next step will use (schedule and controller applied).</summary>
    [JsonIgnore]
    public double CurrentLearningRate => Engine.CurrentLearningRate();

    /// <summary>The momentum / β1 the next step will use.</summary>
    [JsonIgnore]
    public double CurrentMomentum => Engine.CurrentMomentum();

    /// <summary>The momentum that schedules modulate (momentum, β or β1); 0 for plain SGD.</summary>
    internal abstract double BaseMomentum { get; }

    /// <summary>The momentum schedule in effect.</summary>
    internal Schedule EffectiveMomentumSchedule => MomentumSchedule ?? DefaultMomentumSchedule ?? ConstantSchedule;

    /// <summary>The schedule used when <see cref="MomentumSchedule"/> is null.</summary>
    private protected virtual Schedule? DefaultMomentumSchedule => null;

    private OptimizerEngine Engine
    {
        get
        {
            _engine ??= new OptimizerEngine(CreateRule(), Controller?.CreateState(LearningRate), () => Settings) { Horizon = _horizon };
            return _engine;
        }
    }

    /// <summary>What the engine reads of this configuration, as it stands now.</summary>
    private EngineSettings Settings
        => new(LearningRate, LearningRateSchedule ?? ConstantSchedule, BaseMomentum, EffectiveMomentumSchedule, Parallelism);

    /// <summary>Creates the fused update rule of this method.</summary>
    internal abstract UpdateRule CreateRule();

    /// <inheritdoc />
    public void SetHorizon(TrainingHorizon horizon)
    {
        horizon.Validate();
        _horizon = horizon;
        if (_engine is not null) _engine.Horizon = horizon;
    }

    /// <summary>Tells the optimizer the run's length (see <see cref="SetHorizon(TrainingHorizon)"/>).</summary>
    /// <param name="totalSteps">Total optimizer steps of the run.</param>
    /// <param name="stepsPerEpoch">Optimizer steps per epoch.</param>
    public void SetHorizon(long totalSteps, long stepsPerEpoch) => SetHorizon(new TrainingHorizon(totalSteps, stepsPerEpoch));

    /// <summary>Checks that every schedule can be evaluated (the horizon is known where needed); throws otherwise.</summary>
    public void Validate()
    {
        _ = Engine.CurrentLearningRate();
        _ = Engine.CurrentMomentum();
    }

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double loss)
    {
        Engine.Step(parameters, gradients, loss);
        ThrowIfDiverged();
    }

    /// <summary>One step for methods that ignore the loss (throws for MoMo, which needs it).</summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">The minibatch gradient.</param>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (RequiresLoss) throw new InvalidOperationException($"{GetType().Name} needs the minibatch loss: call Step(parameters, gradients, loss).");
        Step(parameters, gradients, 0.0);
    }

    /// <summary>
    /// Applies one update to flat buffers held by TorchSharp, on their device, through the tensor backend (the
    /// trainers' path; on the CPU the span overload over <see cref="FlatVector.AsSpan"/> is the faster one).
    /// </summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">The minibatch gradient on the same device.</param>
    /// <param name="loss">The same minibatch's unscaled loss.</param>
    internal void Step(FlatVector parameters, FlatVector gradients, double loss)
    {
        Engine.Step(parameters, gradients, loss);
        ThrowIfDiverged();
    }

    /// <summary>
    /// Applies one update in place to parameters and gradients that lie in pieces of host memory (the tensors of a
    /// TorchSharp model), on the CPU backend: the same kernels and state as the span overload over their concatenation.
    /// </summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">The minibatch gradient, laid out as the parameters.</param>
    /// <param name="loss">The same minibatch's unscaled loss.</param>
    internal void Step(SegmentedVector parameters, SegmentedVector gradients, double loss)
    {
        Engine.Step(parameters, gradients, loss);
        ThrowIfDiverged();
    }

    /// <summary>Ends the run once <see cref="MaxConsecutiveSkips"/> steps in a row were skipped.</summary>
    private void ThrowIfDiverged()
    {
        if (Engine.ConsecutiveSkips >= MaxConsecutiveSkips) throw new NonFiniteStepException(Engine.ConsecutiveSkips);
    }

    /// <inheritdoc />
    public void EndEpoch(double? validationMetric = null) => Engine.EndEpoch(validationMetric);

    /// <inheritdoc />
    public void SaveState(Stream stream) => Engine.Save(Check.NotNull(stream), Name);

    /// <inheritdoc />
    public void LoadState(Stream stream) => Engine.Load(Check.NotNull(stream), Name);

    /// <summary>Releases the state vectors (host memory and tensors).</summary>
    public void Dispose()
    {
        _engine?.Dispose();
        _engine = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh copy of this configuration (no runtime state) with <paramref name="controller"/>.</summary>
    internal Optimizer WithController(LearningRateController controller)
    {
        var copy = (Optimizer)MemberwiseClone();
        copy._engine = null;
        copy._controller = controller;
        return copy;
    }

    /// <summary>A fresh copy of this configuration without runtime state.</summary>
    public Optimizer Clone()
    {
        var copy = (Optimizer)MemberwiseClone();
        copy._engine = null;
        return copy;
    }
}
