namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>Settings of <see cref="MomoRule"/>.</summary>
internal readonly record struct MomoSettings(
    bool Adam, bool BiasCorrection, double LowerBound, bool AdaptLowerBound, bool Divide, double Beta2, double Epsilon, double WeightDecay,
    bool SpeculateCappedSteps = true);

/// <summary>
/// MoMo and MoMo-Adam (Schaipp et al.): EMA momentum d (Adam-preconditioned for MoMo-Adam) with the model-based
/// step size τ = min(α/ρ, [(1+αλ)(f̄ − ρℓ − γ) + ⟨d,x⟩]₊ / ‖d‖²), exact proximal weight decay, optional online
/// lower bound (MoMo*), explicit guards for ‖d‖² = 0 and non-finite inputs. Two passes over memory, because τ needs
/// sums over all parameters before any x can move. The first returns those sums (in double) and writes no state;
/// they are non-finite when g or x holds a NaN or ±∞, so g needs a finiteness pass of its own only then, and a
/// non-finite g skips the step with the state untouched. A finite g with non-finite sums (x not finite, or a
/// product beyond float range) leaves τ undefined: the step falls back to the cap α/ρ, MoMo's base method at that
/// learning rate, and the averages keep their values, on every path and backend, so the run goes on (as the base
/// methods do, which never check x) and recovers when x is repaired. Below <see cref="DoubleBufferMinLength"/>
/// elements the first pass writes nothing and the second is the heavy-ball (MoMo) or Adam (MoMo-Adam) kernel with τ
/// as its step, which recomputes the same d (and v) from the cached vectors, updates them in place and moves x.
/// From that length the state is double-buffered instead: the first pass writes the new d (and v) and MoMo-Adam's
/// direction u = d/D into spare buffers, the second reads x and the direction, and the spare buffers become the
/// state; the vectors no longer fit the cache there, and reading d, g (and v) again would cost more than writing
/// the spares. Working memory besides the state: none below that length; from it MoMo n floats, MoMo-Adam 3n.
/// <para>
/// Speculative capped steps: in training τ sits at its cap α/ρ most of the time (70–87% of the steps of a
/// Fashion-MNIST epoch), and the cap is known before any sum. After a capped step the next one is taken in one
/// pass, as the base method would: g is checked to be finite, then pass 1 updates d (and v) in place and moves x
/// with τ = α/ρ while it computes the sums (the tensor backend: the sums, then the base kernel). When τ comes out
/// at the cap again, which the sums then show, the step is exactly the two-pass one. When it comes out lower, a
/// correction pass adds (α/ρ − τ)·post times the direction back to x, and the next step goes back to two passes.
/// Not with a running sum of x (AutoDrop), which the correction would have to follow. A mispredicted step adds the
/// correction pass to the fused one; it measured within the noise of a two-pass step (cold state, 1 M).
/// </para>
/// </summary>
internal sealed class MomoRule(MomoSettings settings) : UpdateRule
{
    /// <summary>‖d‖² at or below this means "no gradient step" (optax semantics, well below any real norm).</summary>
    internal const double TinyNorm = 1e-32;

    /// <summary>
    /// Length from which the state is double-buffered (the length from which the CPU backend streams its stores).
    /// Below it the vectors sit in the cache, and recomputing d (and v) in the second pass costs less than
    /// writing and reading spare buffers.
    /// </summary>
    internal const long DoubleBufferMinLength = CpuBackend.StreamingMinLength;

    private double _lossAverage;
    private double _gradDotParams;
    private double _betaProduct = 1;
    private double _lowerBound = settings.LowerBound;
    private bool _lastCapped;
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
        var moment = settings.Adam ? SecondMomentCoefficients.At(settings.Beta2, settings.Epsilon, k) : default;
        var c = new MomoCoefficients((float)a, (float)b, settings.Adam, moment);
        var (d, v) = (Vector("d"), settings.Adam ? Vector("v") : Vec.None);
        var alpha = input.LearningRate;
        var lambda = settings.WeightDecay;
        var cc = 1 + alpha * lambda;
        var stepCap = alpha / rho;
        var (pre, post) = settings.Adam && !settings.Divide ? (1 - alpha * lambda, 1.0) : (1.0, 1 / cc);
        var speculative = _lastCapped && settings.SpeculateCappedSteps && input.Accumulate.IsNone;
        var buffered = !speculative && input.X.Length >= DoubleBufferMinLength;
        var (decay, capStep) = ((float)(pre * post), (float)(stepCap * post));
        var direction = Vec.None;
        Sums3 sums;
        if (speculative)
        {
            // A non-finite g skips with nothing written; x is not checked (that would be a pass of its own).
            if (!backend.MomoCappedStep(input.X, input.G, d, v, c, decay, capStep, out sums)) return false;
        }
        else
        {
            if (buffered) AllocateSpares(backend, input.X.Length);
            var (dNext, vNext) = buffered ? (_nextD!.AsVec(), settings.Adam ? _nextV!.AsVec() : Vec.None) : (Vec.None, Vec.None);
            direction = !buffered ? Vec.None : settings.Adam ? _direction!.AsVec() : dNext;
            sums = backend.MomoMoments(input.X, input.G, d, v, dNext, vNext, direction, c);
            // Nothing has been written yet (the spares are scratch), so a non-finite g skips with the state untouched;
            // the sums show it, and only then does g need a check of its own.
            if (!sums.AllFinite && !backend.AllFinite(input.G)) return false;
        }
        if (!sums.AllFinite)
        {
            // τ is undefined: x holds a NaN or ±∞ (g is finite), or a product overflowed float (|g·x| or |d|² beyond
            // 3.4e38, a run that has diverged). The step falls back to the cap α/ρ, MoMo's base method at that
            // learning rate, which a speculative step has taken already; the averages keep their values.
            if (buffered) FinishBuffered(backend, input, direction, pre, stepCap, post);
            else if (!speculative) c.BaseStep(backend, input.X, input.G, d, v, input.Accumulate, decay, capStep);
            _betaProduct = product;
            _lastCapped = true;
            (report.StepSize, report.PolyakStepSize, report.LowerBound) = (stepCap, double.NaN, _lowerBound);
            return true;
        }
        var (gx, dx, norm) = (sums.First, sums.Second, sums.Third);

        var fbar = a * _lossAverage + b * input.Loss;
        var gamma = a * _gradDotParams + b * gx;
        var lb = _lowerBound;
        if (settings.AdaptLowerBound)
        {
            var cap = cc * fbar + dx - cc * gamma;
            if (cap < cc * rho * lb) lb = Math.Max(settings.LowerBound, cap / (2 * cc * rho));
        }
        var numerator = cc * (fbar - rho * lb) + dx - cc * gamma;
        var polyak = norm <= TinyNorm ? 0.0 : Math.Max(numerator, 0.0) / norm;
        var tau = Math.Min(stepCap, polyak);
        var nextLowerBound = lb;
        if (settings.AdaptLowerBound)
        {
            nextLowerBound = Math.Max(settings.LowerBound, ((fbar + dx - gamma) - 0.5 * tau * norm) / rho);
        }
        if (speculative)
        {
            // x moved with the cap already; a smaller τ takes back the difference.
            if (tau < stepCap) backend.MomoCorrect(input.X, d, v, c, (float)((stepCap - tau) * post));
        }
        else if (buffered)
        {
            FinishBuffered(backend, input, direction, pre, tau, post);
        }
        else
        {
            // The second pass below the double-buffer length: the base kernel with τ as its step, recomputing the d
            // (and v) pass 1 computed.
            c.BaseStep(backend, input.X, input.G, d, v, input.Accumulate, decay, (float)(tau * post));
        }

        _lossAverage = fbar;
        _gradDotParams = gamma;
        _betaProduct = product;
        _lowerBound = nextLowerBound;
        _lastCapped = tau >= stepCap;
        report.StepSize = tau;
        report.PolyakStepSize = polyak;
        report.LowerBound = lb;
        return true;
    }

    /// <summary>The double-buffered second pass: x ← (x·pre − τ·direction)·post, then the spares become the state.</summary>
    private void FinishBuffered(IVectorBackend backend, in StepInput input, Vec direction, double pre, double tau, double post)
    {
        backend.MomoStep(input.X, direction, input.Accumulate, (float)pre, (float)tau, (float)post);
        _nextD = Exchange("d", _nextD!);
        if (settings.Adam) _nextV = Exchange("v", _nextV!);
    }

    /// <summary>Allocates the spare buffers at the first double-buffered step (the length never changes afterwards).</summary>
    private void AllocateSpares(IVectorBackend backend, long length)
    {
        _nextD ??= backend.Allocate(length);
        if (!settings.Adam) return;
        _nextV ??= backend.Allocate(length);
        _direction ??= backend.Allocate(length);
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
        bag.Set("rule.lastCapped", _lastCapped);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        DisposeScratch();
        _lossAverage = bag.GetDouble("rule.lossAverage");
        _gradDotParams = bag.GetDouble("rule.gradDotParams");
        _betaProduct = bag.GetDouble("rule.betaProduct");
        _lowerBound = bag.GetDouble("rule.lowerBound");
        // States saved before speculative steps existed: the next step takes two passes.
        _lastCapped = bag.Contains("rule.lastCapped") && bag.GetBool("rule.lastCapped");
    }
}
