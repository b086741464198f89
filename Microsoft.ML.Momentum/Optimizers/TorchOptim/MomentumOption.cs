namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>Writes the momentum (β, β1) of any method, for schedulers that cycle it.</summary>
internal static class MomentumOption
{
    /// <summary>Sets the momentum that <see cref="Optimizer.BaseMomentum"/> reads; plain SGD has none to set.</summary>
    public static void Set(Optimizer method, double value)
    {
        switch (method)
        {
            case SgdMomentum sgd: sgd.Momentum = value; break;
            case Adam adam: adam.Beta1 = value; break;
            case Momo momo: momo.Beta = value; break;
            case MomoAdam momoAdam: momoAdam.Beta1 = value; break;
            default: throw new InvalidOperationException($"{method.GetType().Name} has no momentum to set.");
        }
    }
}
