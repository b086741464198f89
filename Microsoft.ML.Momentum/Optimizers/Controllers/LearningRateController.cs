using System.Text.Json.Serialization;
using Microsoft.ML.Momentum.Optimizers.Execution;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// A stateful learning-rate controller on top of any optimizer: it multiplies the scheduled learning rate by a
/// factor that it changes from what it observes (the parameters' trajectory for AutoDrop, a validation metric
/// for reduce-on-plateau). Its state is part of the optimizer's saved state. In JSON it is an object with a
/// <c>"name"</c> discriminator under the optimizer's <c>"controller"</c> field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AutoDrop), "autoDrop")]
[JsonDerivedType(typeof(AutoDropPerEpoch), "autoDropPerEpoch")]
[JsonDerivedType(typeof(ReduceOnPlateau), "reduceOnPlateau")]
public abstract class LearningRateController
{
    /// <summary>Creates the runtime state for one optimizer whose base learning rate is <paramref name="baseLearningRate"/>.</summary>
    internal abstract ControllerState CreateState(double baseLearningRate);
}
