using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Demon SGD-momentum (Chen et al.): <see cref="SgdMomentum"/> whose momentum follows the
/// <see cref="DemonSchedule"/> from β₀ = <see cref="SgdMomentum.Momentum"/> to 0 at the end of the run (call
/// <c>SetHorizon</c> first). PyTorch form by default (identical to the paper's Sutskever form at constant
/// learning rate). JSON name <c>"demonSgd"</c>; set <c>momentumSchedule</c> to a <c>demon</c> object to change
/// the delay or the clamp.
/// </summary>
public sealed class DemonSgd : SgdMomentum
{
    private protected override Schedule DefaultMomentumSchedule { get; } = new DemonSchedule();
}
