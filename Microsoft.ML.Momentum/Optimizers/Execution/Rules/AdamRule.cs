namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// Adam's preconditioned direction: m (EMA or Demon's sum form), v = EMA of g², x ← x − lr·m̂/(√v̂ + ε) with
/// ε outside the square root; coupled (Adam) or decoupled (AdamW) weight decay.
/// </summary>
internal sealed class AdamRule(AdamFirstMoment firstMoment, double beta2, double epsilon, double weightDecay, bool decoupled) : UpdateRule
{
    private double _betaProduct = 1;

    protected override IReadOnlyList<string> VectorNames => ["m", "v"];

    public override bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report)
    {
        if (!backend.AllFinite(input.G)) return false;
        var k = input.StepIndex + 1;
        var beta1 = input.Momentum;
        var product = _betaProduct * beta1;
        var bc1 = firstMoment switch
        {
            AdamFirstMoment.Ema => 1 - product,
            AdamFirstMoment.EmaPower => 1 - Math.Pow(beta1, k),
            _ => 1.0,
        };
        var b = firstMoment == AdamFirstMoment.Sum ? 1.0 : 1 - beta1;
        var lr = input.LearningRate;
        var c = new AdamCoefficients(
            decoupled ? 0f : (float)weightDecay, (float)beta1, (float)b, SecondMomentCoefficients.At(beta2, epsilon, k),
            (float)(lr / bc1), (float)(decoupled ? 1 - lr * weightDecay : 1));
        backend.Adam(input.X, input.G, Vector("m"), Vector("v"), input.Accumulate, c);
        _betaProduct = product;
        report.StepSize = lr;
        return true;
    }

    public override void Save(StateBag bag)
    {
        base.Save(bag);
        bag.Set("rule.betaProduct", _betaProduct);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        _betaProduct = bag.GetDouble("rule.betaProduct");
    }
}
