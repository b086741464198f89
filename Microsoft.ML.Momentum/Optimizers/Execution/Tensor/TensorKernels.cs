using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.Execution;

// The tensor backend's math: each method is one kernel of IVectorBackend as TorchSharp ops on flat float32 tensors,
// in the float operations and order of the CPU kernels: scalars are floats, products and sums are separate ops
// (never add_(t, alpha), which fuses them on the CPU), reductions are taken in float64. In-place ops write the
// parameters and the state; every temporary lives in the kernel's dispose scope, scalars in usings.

/// <summary>The tensor backend's kernels over flat float32 tensors (validated by <see cref="TensorBackend"/>).</summary>
internal static class TensorKernels
{
    /// <summary>True when every element is finite: the float64 sum is finite exactly then.</summary>
    public static bool AllFinite(Tensor v)
    {
        using var scope = NewDisposeScope();
        return double.IsFinite(v.sum(ScalarType.Float64).item<double>());
    }

    /// <summary>x ← x·decay − lr·(g + wd·x); acc += x.</summary>
    public static void Sgd(Tensor x, Tensor g, Tensor? acc, float weightDecay, float learningRate, float decay)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar lr = learningRate, xDecay = decay;
        var gp = WithWeightDecay(g, x, weightDecay);
        x.mul_(xDecay).sub_(gp.mul(lr));
        acc?.add_(x);
    }

    /// <summary>g' = g + wd·x; m ← a·m + b·g'; x ← x·decay − (p·m + q·g'); acc += x.</summary>
    public static void Momentum(Tensor x, Tensor g, Tensor m, Tensor? acc, in MomentumCoefficients c)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar a = c.A, b = c.B, p = c.P, q = c.Q, decay = c.Decay;
        var gp = WithWeightDecay(g, x, c.WeightDecay);
        m.mul_(a).add_(gp.mul(b));
        x.mul_(decay).sub_(m.mul(p).add_(gp.mul(q)));
        acc?.add_(x);
    }

    /// <summary>g' = g + wd·x; m ← a·m + b·g'; v ← β2·v + (1 − β2)·g'²; x ← x·decay − step·m/D; acc += x.</summary>
    public static void Adam(Tensor x, Tensor g, Tensor m, Tensor v, Tensor? acc, in AdamCoefficients c)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar a = c.A, b = c.B, step = c.Step, decay = c.Decay;
        var gp = WithWeightDecay(g, x, c.WeightDecay);
        m.mul_(a).add_(gp.mul(b));
        UpdateSecondMoment(v, gp, c.Moment);
        x.mul_(decay).sub_(m.div(Denominator(v, c.Moment)).mul_(step));
        acc?.add_(x);
    }

    /// <summary>
    /// MoMo's pass 1 (see <see cref="IVectorBackend.MomoMoments"/>): the new d (and v, u) into the given tensors, or
    /// into temporaries where they are null; returns (⟨g, x⟩, ⟨dNext, x⟩, ⟨dNext, direction⟩).
    /// </summary>
    public static Sums3 MomoMoments(Tensor x, Tensor g, Tensor d, Tensor? v, Tensor? dNext, Tensor? vNext, Tensor? u, in MomoCoefficients c)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar a = c.A, b = c.B;
        var dn = CopyOf(d, dNext).mul_(a).add_(g.mul(b));
        var direction = dn;
        if (c.Adam)
        {
            var vn = UpdateSecondMoment(CopyOf(v!, vNext), g, c.Moment);
            var denominator = Denominator(vn, c.Moment);
            direction = u is null ? dn.div(denominator) : u.copy_(dn).div_(denominator);
        }
        return new Sums3(Dot(g, x), Dot(dn, x), Dot(dn, direction));
    }

    /// <summary>MoMo's pass 2: x ← (x·pre − τ·direction)·post; acc += x.</summary>
    public static void MomoStep(Tensor x, Tensor direction, Tensor? acc, float pre, float tau, float post)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar xPre = pre, step = tau, xPost = post;
        x.mul_(xPre).sub_(direction.mul(step)).mul_(xPost);
        acc?.add_(x);
    }

    /// <summary>x ← x + δ·direction, the direction d/D (MoMo-Adam, <paramref name="v"/> given) or d.</summary>
    public static void MomoCorrect(Tensor x, Tensor d, Tensor? v, in MomoCoefficients c, float delta)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar scale = delta;
        var direction = v is null ? d : d.div(Denominator(v, c.Moment));
        x.add_(direction.mul(scale));
    }

    /// <summary>AutoDrop's window end (see <see cref="IVectorBackend.WindowEnd"/>).</summary>
    public static Sums3 WindowEnd(Tensor window, Tensor previousMean, Tensor previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar meanScale = scale;
        var y = window.mul(meanScale);
        var sums = default(Sums3);
        if (hasPrevious)
        {
            var s = y.sub(previousMean);
            if (hasPreviousStep) sums = new Sums3(Dot(s, previousStep), Dot(s, s), Dot(previousStep, previousStep));
            previousStep.copy_(s);
        }
        previousMean.copy_(y);
        if (clearWindow) window.zero_();
        return sums;
    }

    /// <summary>y ← y + alpha·x.</summary>
    public static void Axpy(Tensor y, float alpha, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar scale = alpha;
        y.add_(x.mul(scale));
    }

    /// <summary>destination ← alpha·source.</summary>
    public static void ScaleInto(Tensor destination, float alpha, Tensor source)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar scale = alpha;
        destination.copy_(source.mul(scale));
    }

    /// <summary>g + wd·x, or g itself (never written) when wd = 0, so that a NaN or ±∞ in x stays out of the moments.</summary>
    private static Tensor WithWeightDecay(Tensor g, Tensor x, float weightDecay)
    {
        if (weightDecay == 0) return g;
        using Scalar wd = weightDecay;
        return g.add(x.mul(wd));
    }

    /// <summary>v ← β2·v + (1 − β2)·g², in place; returns v.</summary>
    private static Tensor UpdateSecondMoment(Tensor v, Tensor g, in SecondMomentCoefficients c)
    {
        using Scalar beta2 = c.Beta2, oneMinusBeta2 = c.OneMinusBeta2;
        return v.mul_(beta2).add_(g.mul(g).mul_(oneMinusBeta2));
    }

    /// <summary>D = √v·invSqrtBc2 + ε (a temporary).</summary>
    private static Tensor Denominator(Tensor v, in SecondMomentCoefficients c)
    {
        using Scalar scale = c.InvSqrtBc2, epsilon = c.Epsilon;
        return v.sqrt().mul_(scale).add_(epsilon);
    }

    /// <summary>The values of <paramref name="source"/> in <paramref name="destination"/> (which may be the source itself), or in a temporary.</summary>
    private static Tensor CopyOf(Tensor source, Tensor? destination) => destination?.copy_(source) ?? source.clone();

    /// <summary>⟨a, b⟩ with the products and the sum in float64.</summary>
    private static double Dot(Tensor a, Tensor b) => a.to(ScalarType.Float64).mul_(b.to(ScalarType.Float64)).sum().item<double>();
}
