namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// Heavy-ball momentum in the PyTorch, Sutskever or EMA form, optionally Nesterov, with coupled or decoupled
/// weight decay; β comes from the momentum schedule every step (Demon, decays, OneCycle).
/// </summary>
internal sealed class MomentumRule(MomentumForm form, bool nesterov, double weightDecay, bool decoupled) : UpdateRule
{
    protected override IReadOnlyList<string> VectorNames => ["m"];

    public override bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report)
    {
        if (!backend.AllFinite(input.G)) return false;
        backend.Momentum(input.X, input.G, Vector("m"), input.Accumulate, Coefficients(form, nesterov, input.StepIndex == 0,
            input.Momentum, input.LearningRate, weightDecay, decoupled));
        report.StepSize = input.LearningRate;
        return true;
    }

    /// <summary>The kernel coefficients of one step (see <see cref="MomentumCoefficients"/>).</summary>
    public static MomentumCoefficients Coefficients(MomentumForm form, bool nesterov, bool first, double beta, double lr, double weightDecay, bool decoupled)
    {
        double a, b, p, q;
        switch (form)
        {
            case MomentumForm.PyTorch:
                (a, b) = first ? (0.0, 1.0) : (beta, 1.0);
                (p, q) = nesterov ? (lr * beta, lr) : (lr, 0.0);
                break;
            case MomentumForm.Sutskever:
                (a, b) = (beta, -lr);
                (p, q) = nesterov ? (-beta, lr) : (-1.0, 0.0);
                break;
            default:
                (a, b) = first ? (0.0, 1.0) : (beta, 1 - beta);
                (p, q) = nesterov ? (lr * beta, lr * (1 - beta)) : (lr, 0.0);
                break;
        }
        var decay = decoupled ? 1 - lr * weightDecay : 1;
        return new MomentumCoefficients(decoupled ? 0f : (float)weightDecay, (float)a, (float)b, (float)p, (float)q, (float)decay);
    }
}
