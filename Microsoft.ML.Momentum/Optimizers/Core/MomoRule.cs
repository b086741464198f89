namespace Microsoft.ML.Momentum.Optimizers.Core;

/// <summary>Settings of <see cref="MomoRule"/>.</summary>
internal readonly record struct MomoSettings(
    bool Adam, bool BiasCorrection, double LowerBound, bool AdaptLowerBound, bool Divide, double Beta2, double Epsilon, double WeightDecay);

/// <summary>
/// MoMo and MoMo-Adam (Schaipp et al.): EMA momentum d (Adam-preconditioned for MoMo-Adam) with the
/// model-based step size τ = min(α/ρ, [(1+αλ)(f̄ − ρℓ − γ) + ⟨d,x⟩]₊ / ‖d‖²), exact proximal weight decay,
/// optional online lower bound (MoMo*), explicit guards for ‖d‖² = 0 and non-finite inputs. Two passes over
/// memory: the first updates d (and v), writes MoMo-Adam's direction u = d/D into a working vector and returns the
/// sums τ needs (in double); the second reads x and the direction (d, or u) and moves x, so each element takes one
/// √ and one ÷. From <see cref="DoubleBufferMinLength"/> elements the state is double-buffered: the first pass
/// writes the new d (and v) into spare buffers, d and v stay as they were until the sums are known to be finite
/// (they are not when g or x holds a NaN or ±∞, so no separate finiteness pass is needed), then the spare buffers
/// become the state. Smaller vectors are checked for a finite g first and updated in place; a non-finite x then
/// skips the step with g already folded into d (and v). Working memory besides the state: MoMo n floats when
/// double-buffered; MoMo-Adam n (u), 3n when double-buffered.
/// </summary>
internal sealed class MomoRule(MomoSettings settings) : UpdateRule
{
    /// <summary>‖d‖² at or below this means "no gradient step" (optax semantics, well below any real norm).</summary>
    internal const double TinyNorm = 1e-32;

    /// <summary>
    /// Length from which the state is double-buffered (the length from which the CPU backend streams its stores).
    /// Below it the vectors sit in the cache, where writing fresh buffers costs a read for ownership per line, so
    /// the smaller vectors are updated in place after a separate finiteness check of g.
    /// </summary>
    internal const long DoubleBufferMinLength = CpuBackend.StreamingMinLength;

    private double _lossAverage;
    private double _gradDotParams;
    private double _betaProduct = 1;
    private double _lowerBound = settings.LowerBound;
    private StateVector? _nextD, _nextV, _direction;

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
        var (d, v) = (Vector("d"), settings.Adam ? Vector("v") : Vec.None);
        var buffered = input.X.Length >= DoubleBufferMinLength;
        AllocateScratch(backend, input.X.Length, buffered);
        if (!buffered && !backend.AllFinite(input.G)) return false;
        var (dNext, vNext) = buffered ? (_nextD!.AsVec(), settings.Adam ? _nextV!.AsVec() : Vec.None) : (d, v);
        var direction = settings.Adam ? _direction!.AsVec() : dNext;
        var sums = backend.MomoMoments(input.X, input.G, d, v, dNext, vNext, direction, c);
        // The sums are non-finite when g or x holds a NaN or ±∞, or when a product overflowed float (|g·x| or |d|²
        // beyond 3.4e38, a run that has diverged already): skip. Double-buffered, d and v are untouched; in place
        // (g checked above), only a non-finite x or such an overflow gets here, after d and v have taken g in.
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
        backend.MomoStep(input.X, direction, input.Accumulate, (float)pre, (float)tau, (float)post);

        if (buffered)
        {
            _nextD = Exchange("d", _nextD!);
            if (settings.Adam) _nextV = Exchange("v", _nextV!);
        }

        _lossAverage = fbar;
        _gradDotParams = gamma;
        _betaProduct = product;
        _lowerBound = nextLowerBound;
        report.StepSize = tau;
        report.PolyakStepSize = polyak;
        report.LowerBound = lb;
        return true;
    }

    /// <summary>Allocates the working vectors at the first step (the length never changes afterwards).</summary>
    private void AllocateScratch(IVectorBackend backend, long length, bool buffered)
    {
        if (settings.Adam) _direction ??= backend.Allocate(length);
        if (!buffered) return;
        _nextD ??= backend.Allocate(length);
        if (settings.Adam) _nextV ??= backend.Allocate(length);
    }

    protected override void DisposeScratch()
    {
        _nextD?.Dispose();
        _nextV?.Dispose();
        _direction?.Dispose();
        (_nextD, _nextV, _direction) = (null, null, null);
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
        DisposeScratch();
        _lossAverage = bag.GetDouble("rule.lossAverage");
        _gradDotParams = bag.GetDouble("rule.gradDotParams");
        _betaProduct = bag.GetDouble("rule.betaProduct");
        _lowerBound = bag.GetDouble("rule.lowerBound");
    }
}
