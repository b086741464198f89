using Microsoft.ML.Momentum.Optimizers.Execution;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// The older per-epoch AutoDrop of the authors' 2021 code: after the first step of every epoch the parameters
/// are snapshotted; ω_e is the angle between the last two displacements of the snapshots; once
/// |ω_e − ω_{e−1}| &lt; θ (latched), the learning rate drops by <see cref="Factor"/> after
/// <see cref="ExtraEpochs"/> more epochs, θ grows to min(θ_max, θ/ρ) and, with <see cref="WeightAveraging"/>,
/// the parameters are replaced by the linearly weighted average of the snapshots taken while latched
/// (a running weighted sum, not a history). Defaults are those of the paper's CIFAR scripts.
/// </summary>
public sealed class AutoDropPerEpoch : LearningRateController
{
    /// <summary>Drop factor ρ, in (0, 1) (default 0.2; the ImageNet script uses 0.1).</summary>
    public double Factor { get; set => field = Check.InRange(value, 0, 1, nameof(Factor), true, true); } = 0.2;

    /// <summary>Initial threshold θ₀ in degrees, &gt; 0 (default 0.01°).</summary>
    public double ThresholdDegrees { get; set => field = Check.Positive(value, nameof(ThresholdDegrees)); } = 0.01;

    /// <summary>Upper limit θ_max of the growing threshold in degrees, &gt; 0 (default 1°).</summary>
    public double MaxThresholdDegrees { get; set => field = Check.Positive(value, nameof(MaxThresholdDegrees)); } = 1.0;

    /// <summary>Grow θ to min(θ_max, θ/ρ) after each drop (default true).</summary>
    public bool AdaptiveThreshold { get; set; } = true;

    /// <summary>Epochs between the trigger and the drop, ≥ 1 (default 20).</summary>
    public int ExtraEpochs { get; set => field = Check.AtLeast(value, 1, nameof(ExtraEpochs)); } = 20;

    /// <summary>Learning-rate floor, ≥ 0 (default 1e-4).</summary>
    public double MinLearningRate { get; set => field = Check.NonNegative(value, nameof(MinLearningRate)); } = 1e-4;

    /// <summary>Replace the parameters by the weighted average of the latched snapshots at a drop (default true, "var_rd").</summary>
    public bool WeightAveraging { get; set; } = true;

    internal override ControllerState CreateState(double baseLearningRate) => new AutoDropPerEpochState(this, baseLearningRate);
}

/// <summary>Runtime state of <see cref="AutoDropPerEpoch"/>.</summary>
internal sealed class AutoDropPerEpochState(AutoDropPerEpoch options, double baseLearningRate) : ControllerState
{
    private StateVector? _previousSnapshot, _previousStep, _average;
    private bool _snapshotDue = true, _hasPrevious, _hasPreviousStep, _latched;
    private double _previousOmega = double.NaN;
    private double _threshold = options.ThresholdDegrees;
    private long _latchedEpochs;

    public override void Bind(IVectorBackend backend, long length)
    {
        DisposeVectors();
        _previousSnapshot = backend.Allocate(length);
        _previousStep = backend.Allocate(length);
        _average = backend.Allocate(length);
    }

    public override void EndEpoch(double? metric) => _snapshotDue = true;

    public override void AfterStep(IVectorBackend backend, Vec x)
    {
        if (!_snapshotDue) return;
        _snapshotDue = false;
        var sums = backend.WindowEnd(x, _previousSnapshot!.AsVec(), _previousStep!.AsVec(), 1f, _hasPrevious, _hasPreviousStep, clearWindow: false);
        var hadStep = _hasPreviousStep;
        _hasPreviousStep = _hasPrevious;
        _hasPrevious = true;
        if (hadStep)
        {
            AngularVelocity = Optimizers.AngularVelocity.Degrees(sums.First, sums.Second, sums.Third);
            if (!double.IsNaN(_previousOmega) && Math.Abs(AngularVelocity - _previousOmega) < _threshold) _latched = true;
            _previousOmega = AngularVelocity;
        }
        if (!_latched) return;
        _latchedEpochs++;
        if (options.WeightAveraging) backend.Axpy(_average!.AsVec(), _latchedEpochs, x);
        if (_latchedEpochs < options.ExtraEpochs) return;
        if (options.AdaptiveThreshold) _threshold = Math.Min(options.MaxThresholdDegrees, _threshold / options.Factor);
        var floor = baseLearningRate > 0 ? options.MinLearningRate / baseLearningRate : 0;
        var next = Math.Max(floor, options.Factor * Factor);
        if (next < Factor)
        {
            Factor = next;
            DropCount++;
        }
        if (options.WeightAveraging)
        {
            var weight = options.ExtraEpochs * (options.ExtraEpochs + 1) / 2.0;
            backend.ScaleInto(x, (float)(1 / weight), _average!.AsVec());
            backend.ScaleInto(_average.AsVec(), 0f, _average.AsVec());
        }
        _latched = false;
        _latchedEpochs = 0;
    }

    public override void Save(StateBag bag)
    {
        base.Save(bag);
        bag.Set("controller.previousSnapshot", _previousSnapshot!.ToArray());
        bag.Set("controller.previousStep", _previousStep!.ToArray());
        bag.Set("controller.average", _average!.ToArray());
        bag.Set("controller.snapshotDue", _snapshotDue);
        bag.Set("controller.hasPrevious", _hasPrevious);
        bag.Set("controller.hasPreviousStep", _hasPreviousStep);
        bag.Set("controller.latched", _latched);
        bag.Set("controller.previousOmega", _previousOmega);
        bag.Set("controller.threshold", _threshold);
        bag.Set("controller.latchedEpochs", _latchedEpochs);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        DisposeVectors();
        _previousSnapshot = backend.FromValues(bag.GetFloats("controller.previousSnapshot"));
        _previousStep = backend.FromValues(bag.GetFloats("controller.previousStep"));
        _average = backend.FromValues(bag.GetFloats("controller.average"));
        _snapshotDue = bag.GetBool("controller.snapshotDue");
        _hasPrevious = bag.GetBool("controller.hasPrevious");
        _hasPreviousStep = bag.GetBool("controller.hasPreviousStep");
        _latched = bag.GetBool("controller.latched");
        _previousOmega = bag.GetDouble("controller.previousOmega");
        _threshold = bag.GetDouble("controller.threshold");
        _latchedEpochs = bag.GetLong("controller.latchedEpochs");
    }

    public override void Dispose() => DisposeVectors();

    private void DisposeVectors()
    {
        _previousSnapshot?.Dispose();
        _previousStep?.Dispose();
        _average?.Dispose();
    }
}
