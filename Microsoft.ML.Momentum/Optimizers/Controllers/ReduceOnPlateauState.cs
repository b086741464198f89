using Microsoft.ML.Momentum.Optimizers.Execution;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>Runtime state of <see cref="ReduceOnPlateau"/>.</summary>
internal sealed class ReduceOnPlateauState(ReduceOnPlateau options, double baseLearningRate) : ControllerState
{
    private double _best = double.NaN;
    private long _badEpochs;
    private long _cooldown;

    public override void EndEpoch(double? metric)
    {
        if (metric is not { } value || !double.IsFinite(value)) return;
        var better = double.IsNaN(_best) || (options.Goal == MetricGoal.Minimize
            ? value < _best * (1 - Math.Sign(_best) * options.Threshold)
            : value > _best * (1 + Math.Sign(_best) * options.Threshold));
        if (better)
        {
            _best = value;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldown > 0)
        {
            _cooldown--;
            _badEpochs = 0;
        }
        if (_badEpochs <= options.Patience) return;
        var floor = baseLearningRate > 0 ? options.MinLearningRate / baseLearningRate : 0;
        var next = Math.Max(floor, Factor * options.Factor);
        if (Factor - next > 1e-12)
        {
            Factor = next;
            DropCount++;
        }
        _cooldown = options.Cooldown;
        _badEpochs = 0;
    }

    public override void Save(StateBag bag)
    {
        base.Save(bag);
        bag.Set("controller.best", _best);
        bag.Set("controller.badEpochs", _badEpochs);
        bag.Set("controller.cooldown", _cooldown);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        _best = bag.GetDouble("controller.best");
        _badEpochs = bag.GetLong("controller.badEpochs");
        _cooldown = bag.GetLong("controller.cooldown");
    }
}
