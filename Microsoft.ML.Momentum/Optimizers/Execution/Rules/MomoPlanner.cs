using Microsoft.ML.Momentum.Optimizers.Methods;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// How MoMo and MoMo-Adam (<see cref="MomoMath"/>) are executed: which passes over memory a step takes, what they
/// write, and when. τ needs sums over all parameters before any x can move, so a step takes two passes. The first
/// returns those sums (in double) and writes no state; they are non-finite when g or x holds a NaN or ±∞, so g needs
/// a finiteness pass of its own only then, and a non-finite g skips the step with the state untouched. A finite g
/// with non-finite sums leaves τ undefined (<see cref="MomoMath.Undefined"/>): the step takes the cap, on every
/// path and backend, so the run goes on (as the base methods do, which never check x) and recovers when x is
/// repaired.
/// <para>
/// Where the backend says so (<see cref="IVectorBackend.DoublesMomoState"/>) the state is double-buffered: the first
/// pass writes the new d (and v) and MoMo-Adam's direction u = d/D into spare buffers, the second reads x and the
/// direction, and the spare buffers become the state. Otherwise the first pass writes nothing and the second is the
/// heavy-ball (MoMo) or Adam (MoMo-Adam) kernel with τ as its step, which recomputes the same d (and v), updates them
/// in place and moves x. Working memory besides the state: none, or when double-buffered MoMo n floats, MoMo-Adam 3n.
/// </para>
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
/// <param name="settings">The method's hyper-parameters.</param>
/// <param name="speculateCappedSteps">Whether a step after a capped one is taken in one pass (tests compare both).</param>
internal sealed class MomoPlanner(MomoSettings settings, bool speculateCappedSteps = true) : UpdateRule
{
    private MomoScalars _scalars = MomoScalars.Initial(settings.LowerBound);
    private bool _lastCapped;
    private StateVector? _nextD, _nextV, _direction;

    public override bool UsesLoss => true;

    protected override IReadOnlyList<string> VectorNames => settings.Adam ? ["d", "v"] : ["d"];

    public override bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report)
    {
        var k = input.StepIndex + 1;
        var step = MomoMath.Begin(settings, _scalars, k, input.Momentum, input.LearningRate);
        var moment = settings.Adam ? SecondMomentCoefficients.At(settings.Beta2, settings.Epsilon, k) : default;
        var c = new MomoCoefficients((float)step.A, (float)step.B, settings.Adam, moment);
        var (d, v) = (Vector("d"), settings.Adam ? Vector("v") : Vec.None);
        var speculative = _lastCapped && speculateCappedSteps && input.Accumulate.IsNone;
        var buffered = !speculative && backend.DoublesMomoState(input.X.Length);
        var (decay, capStep) = ((float)(step.Pre * step.Post), (float)(step.Cap * step.Post));
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

        var outcome = sums.AllFinite
            ? MomoMath.Finish(settings, _scalars, step, input.Loss, sums.First, sums.Second, sums.Third)
            : MomoMath.Undefined(_scalars, step);
        var tau = outcome.Tau;
        if (speculative)
        {
            // x moved with the cap already; a smaller τ takes back the difference.
            if (tau < step.Cap) backend.MomoCorrect(input.X, d, v, c, (float)((step.Cap - tau) * step.Post));
        }
        else if (buffered)
        {
            FinishBuffered(backend, input, direction, step.Pre, tau, step.Post);
        }
        else
        {
            // The second pass below the double-buffer length: the base kernel with τ as its step, recomputing the d
            // (and v) pass 1 computed.
            c.BaseStep(backend, input.X, input.G, d, v, input.Accumulate, decay, (float)(tau * step.Post));
        }

        _scalars = outcome.Next;
        _lastCapped = outcome.Capped(step);
        (report.StepSize, report.PolyakStepSize, report.LowerBound) = (tau, outcome.Polyak, outcome.LowerBound);
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
        bag.Set("rule.lossAverage", _scalars.LossAverage);
        bag.Set("rule.gradDotParams", _scalars.GradDotParams);
        bag.Set("rule.betaProduct", _scalars.BetaProduct);
        bag.Set("rule.lowerBound", _scalars.LowerBound);
        bag.Set("rule.lastCapped", _lastCapped);
    }

    public override void Load(StateBag bag, IVectorBackend backend, long length)
    {
        base.Load(bag, backend, length);
        DisposeScratch();
        _scalars = new MomoScalars(bag.GetDouble("rule.lossAverage"), bag.GetDouble("rule.gradDotParams"),
            bag.GetDouble("rule.betaProduct"), bag.GetDouble("rule.lowerBound"));
        // States saved before speculative steps existed: the next step takes two passes.
        _lastCapped = bag.Contains("rule.lastCapped") && bag.GetBool("rule.lastCapped");
    }
}
