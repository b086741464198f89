namespace Microsoft.ML.Momentum.Optimizers.Core;

/// <summary>Settings of <see cref="MomoRule"/>.</summary>
internal readonly record struct MomoSettings(
    bool Adam, bool BiasCorrection, double LowerBound, bool AdaptLowerBound, bool Divide, double Beta2, double Epsilon, double WeightDecay);

/// <summary>
/// MoMo and MoMo-Adam (Schaipp et al.): EMA momentum d (Adam-preconditioned for MoMo-Adam) with the
/// model-based step size τ = min(α/ρ, [(1+αλ)(f̄ − ρℓ − γ) + ⟨d,x⟩]₊ / ‖d‖²), exact proximal weight decay,
/// optional online lower bound (MoMo*), explicit guards for ‖d‖² = 0 and non-finite inputs. After the finiteness
/// check of g, two passes over memory: the first stores the new d (and v) and returns the sums τ needs (in double),
/// the second moves x.
/// </summary>
internal sealed class MomoRule(MomoSettings settings) : UpdateRule
{
    /// <summary>‖d‖² at or below this means "no gradient step" (optax semantics, well below any real norm).</summary>
    internal const double TinyNorm = 1e-32;

    private double _lossAverage;
    private double _gradDotParams;
    private double _betaProduct = 1;
    private double _lowerBound = settings.LowerBound;

    public override bool UsesLoss => true;

    protected override IReadOnlyList<string> VectorNames => settings.Adam ? ["d", "v"] : ["d"];

    public override bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report)
    {
        var k = input.StepIndex + 1;
        var beta = input.Momentum;
        var corrected = settings.Adam || settings.BiasCorrection;
        double a, b, rho, product = _betaProduct;
        if (corrected)
        {
            (a, b) = (beta, 1 - beta);
            product *= beta;
            rho = 1 - product;
        }
        else
        {
            (a, b) = k == 1 ? (0.0, 1.0) : (beta, 1 - beta);
            rho = 1;
        }
        var invSqrtBc2 = settings.Adam ? 1 / Math.Sqrt(1 - Math.Pow(settings.Beta2, k)) : 1;
        var c = new MomoCoefficients((float)a, (float)b, settings.Adam, (float)settings.Beta2, (float)invSqrtBc2, (float)settings.Epsilon);
        if (!backend.AllFinite(input.G)) return false;
        var (d, v) = (Vector("d"), settings.Adam ? Vector("v") : Vec.None);
        var sums = backend.MomoMoments(input.X, input.G, d, v, c);
        // g is finite here, so only non-finite parameters (or d overflowing float) make the sums non-finite; the
        // products are exact in double and cannot overflow. The step is skipped, but d (and v) have already taken g in.
        if (!sums.AllFinite) return false;
        var (gx, dx, norm) = (sums.First, sums.Second, sums.Third);

        var fbar = a * _lossAverage + b * input.Loss;
        var gamma = a * _gradDotParams + b * gx;
        var alpha = input.LearningRate;
        var lambda = settings.WeightDecay;
        var cc = 1 + alpha * lambda;
        var lb = _lowerBound;
        if (settings.AdaptLowerBound)
        {
            var cap = cc * fbar + dx - cc * gamma;
            if (cap < cc * rho * lb) lb = Math.Max(settings.LowerBound, cap / (2 * cc * rho));
        }
        var numerator = cc * (fbar - rho * lb) + dx - cc * gamma;
        var polyak = norm <= TinyNorm ? 0.0 : Math.Max(numerator, 0.0) / norm;
        var tau = Math.Min(alpha / rho, polyak);
        var nextLowerBound = lb;
        if (settings.AdaptLowerBound)
        {
            nextLowerBound = Math.Max(settings.LowerBound, ((fbar + dx - gamma) - 0.5 * tau * norm) / rho);
        }
        var (pre, post) = settings.Adam && !settings.Divide ? (1 - alpha * lambda, 1.0) : (1.0, 1 / cc);
        backend.MomoStep(input.X, d, v, input.Accumulate, c, (float)pre, (float)tau, (float)post);

        _lossAverage = fbar;
        _gradDotParams = gamma;
        _betaProduct = product;
        _lowerBound = nextLowerBound;
        report.StepSize = tau;
        report.PolyakStepSize = polyak;
        report.LowerBound = lb;
        return true;
    }

    public override void Save(StateBag bag)
    {
        base.Save(bag);
        bag.Set("rule.lossAverage", _lossAverage);
        bag.Set("rule.gradDotParams", _gradDotParams);
        bag.Set("rule.betaProduct", _betaProduct);
        bag.Set("rule.lowerBound", _lowerBound);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        _lossAverage = bag.GetDouble("rule.lossAverage");
        _gradDotParams = bag.GetDouble("rule.gradDotParams");
        _betaProduct = bag.GetDouble("rule.betaProduct");
        _lowerBound = bag.GetDouble("rule.lowerBound");
    }
}
