using Microsoft.ML.Momentum.Optimizers.Execution;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>Runtime state of <see cref="AutoDrop"/>.</summary>
internal sealed class AutoDropState(AutoDrop options, double baseLearningRate) : ControllerState
{
    private readonly SaturationDetector _detector = new(options.SmoothingWidth, options.MinBuffer, options.ThresholdDegrees);
    private StateVector? _window, _previousMean, _previousStep;
    private long _windowCount;
    private bool _hasPrevious, _hasPreviousStep;

    public override Vec Accumulator => _window?.AsVec() ?? Vec.None;

    public override void Bind(IVectorBackend backend, long length)
    {
        DisposeVectors();
        _window = backend.Allocate(length);
        _previousMean = backend.Allocate(length);
        _previousStep = backend.Allocate(length);
    }

    public override void AfterStep(IVectorBackend backend, Vec x)
    {
        if (++_windowCount < options.Window) return;
        _windowCount = 0;
        var sums = backend.WindowEnd(_window!.AsVec(), _previousMean!.AsVec(), _previousStep!.AsVec(), (float)(1.0 / options.Window),
            _hasPrevious, _hasPreviousStep, clearWindow: true);
        var hadStep = _hasPreviousStep;
        _hasPreviousStep = _hasPrevious;
        _hasPrevious = true;
        if (!hadStep) return;
        AngularVelocity = Optimizers.AngularVelocity.Degrees(sums.First, sums.Second, sums.Third);
        if (_detector.Observe(AngularVelocity) && (options.MaxDrops is not { } max || DropCount < max))
        {
            Drop(options.Factor, options.MinLearningRate, baseLearningRate);
        }
    }

    public override void Save(StateBag bag)
    {
        base.Save(bag);
        bag.Set("controller.window", _window!.ToArray());
        bag.Set("controller.previousMean", _previousMean!.ToArray());
        bag.Set("controller.previousStep", _previousStep!.ToArray());
        bag.Set("controller.windowCount", _windowCount);
        bag.Set("controller.hasPrevious", _hasPrevious);
        bag.Set("controller.hasPreviousStep", _hasPreviousStep);
        bag.Set("controller.buffer", _detector.Buffer.ToArray());
        bag.Set("controller.previousSmoothed", _detector.PreviousSmoothed);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        DisposeVectors();
        _window = backend.FromValues(bag.GetFloats("controller.window"));
        _previousMean = backend.FromValues(bag.GetFloats("controller.previousMean"));
        _previousStep = backend.FromValues(bag.GetFloats("controller.previousStep"));
        _windowCount = bag.GetLong("controller.windowCount");
        _hasPrevious = bag.GetBool("controller.hasPrevious");
        _hasPreviousStep = bag.GetBool("controller.hasPreviousStep");
        _detector.Restore(bag.GetDoubles("controller.buffer"), bag.GetDouble("controller.previousSmoothed"));
    }

    public override void Dispose() => DisposeVectors();

    private void DisposeVectors()
    {
        _window?.Dispose();
        _previousMean?.Dispose();
        _previousStep?.Dispose();
    }
}
