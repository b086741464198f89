namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// The runtime state of a learning-rate controller inside one optimizer: the factor it applies to the scheduled
/// learning rate, what it observes after every step and epoch, and its part of the saved state.
/// </summary>
internal abstract class ControllerState : IDisposable
{
    /// <summary>Multiplier of the scheduled learning rate (1 until the controller acts).</summary>
    public double Factor { get; protected set; } = 1;

    /// <summary>Vector that the update kernels add the new parameters into (AutoDrop's running sum), or none.</summary>
    public virtual Vec Accumulator => Vec.None;

    /// <summary>Latest angular velocity in degrees (NaN when none).</summary>
    public double AngularVelocity { get; protected set; } = double.NaN;

    /// <summary>Learning-rate drops so far.</summary>
    public int DropCount { get; protected set; }

    /// <summary>
    /// Multiplies <see cref="Factor"/> by <paramref name="factor"/>, not below the floor
    /// <paramref name="minLearningRate"/>/<paramref name="baseLearningRate"/>; counts a drop when it fell.
    /// </summary>
    protected void Drop(double factor, double minLearningRate, double baseLearningRate)
    {
        var floor = baseLearningRate > 0 ? minLearningRate / baseLearningRate : 0;
        var next = Math.Max(floor, factor * Factor);
        if (next < Factor)
        {
            Factor = next;
            DropCount++;
        }
    }

    public virtual void Bind(IVectorBackend backend, long length) { }

    /// <summary>Called after every applied step with the updated parameters.</summary>
    public virtual void AfterStep(IVectorBackend backend, Vec x) { }

    /// <summary>Called at the end of every epoch.</summary>
    public virtual void EndEpoch(double? metric) { }

    public virtual void Save(StateBag bag)
    {
        bag.Set("controller.factor", Factor);
        bag.Set("controller.angularVelocity", AngularVelocity);
        bag.Set("controller.dropCount", DropCount);
    }

    public virtual void Load(StateBag bag, IVectorBackend backend, long length)
    {
        Factor = bag.GetDouble("controller.factor");
        AngularVelocity = bag.GetDouble("controller.angularVelocity");
        DropCount = (int)bag.GetLong("controller.dropCount");
    }

    public virtual void Dispose() { }
}
