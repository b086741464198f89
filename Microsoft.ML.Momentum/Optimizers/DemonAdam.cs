using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Demon Adam (Chen et al.): <see cref="Adam"/> whose β1 follows the <see cref="DemonSchedule"/>, in the
/// paper's sum form m ← g + β1,t·m without bias correction of m by default (so that the total contribution
/// β/(1 − β) of a gradient really decays). The sum form's steps are about 1/(1 − β1) = 10× Adam's early in
/// training: use a learning rate about (1 − β1) times the Adam one (default 1e-4). Set
/// <see cref="Adam.FirstMoment"/> to <see cref="AdamFirstMoment.Ema"/> for the bias-corrected EMA form with
/// the product normaliser (then Adam's learning rate applies). JSON name <c>"demonAdam"</c>.
/// </summary>
public sealed class DemonAdam : Adam
{
    /// <summary>Creates Demon Adam: sum form, learning rate 1e-4.</summary>
    public DemonAdam()
    {
        LearningRate = 1e-4;
        FirstMoment = AdamFirstMoment.Sum;
    }

    private protected override Schedule DefaultMomentumSchedule { get; } = new DemonSchedule();
}
