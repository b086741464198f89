namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>Plain SGD: x ← x − lr·(g + λx) (coupled) or x ← (1 − lr·λ)x − lr·g (decoupled).</summary>
internal sealed class SgdRule(double weightDecay, bool decoupled) : UpdateRule
{
    protected override IReadOnlyList<string> VectorNames => [];

    public override bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report)
    {
        if (!backend.AllFinite(input.G)) return false;
        var lr = input.LearningRate;
        var decay = decoupled ? 1 - lr * weightDecay : 1;
        backend.Sgd(input.X, input.G, input.Accumulate, decoupled ? 0f : (float)weightDecay, (float)lr, (float)decay);
        report.StepSize = lr;
        return true;
    }
}
