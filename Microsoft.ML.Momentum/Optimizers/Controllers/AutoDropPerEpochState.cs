using Microsoft.ML.Momentum.Optimizers.Execution;

namespace Microsoft.ML.Momentum.Optimizers;

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
        Drop(options.Factor, options.MinLearningRate, baseLearningRate);
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
