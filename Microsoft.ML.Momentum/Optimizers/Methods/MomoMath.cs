namespace Microsoft.ML.Momentum.Optimizers.Methods;

/// <summary>
/// MoMo and MoMo-Adam (Schaipp et al., ICML 2024), one step, as optimizers.md §2 defines it. With β ∈ [0, 1),
/// α the step's learning rate, λ the weight decay and c = 1 + αλ:
/// <code>
/// f̄ ← β f̄ + (1 − β) f          d ← β d + (1 − β) g          γ ← β γ + (1 − β) ⟨g, x⟩
/// (MoMo-Adam)  v ← β2 v + (1 − β2) g²,   D = √(v / (1 − β2^k)) + ε,   direction u = d/D   (MoMo: u = d)
/// ρ = 1 − β^k (bias-corrected; else ρ ≡ 1 and the averages start at the first values)
/// (MoMo*)  if c f̄ + ⟨d,x⟩ − c γ &lt; c ρ ℓ:  ℓ ← max(ℓ₀, (c f̄ + ⟨d,x⟩ − c γ) / (2cρ))
/// τ = min(α/ρ, [c (f̄ − ρℓ − γ) + ⟨d,x⟩]₊ / ⟨d,u⟩)        (⟨d,u⟩ ≤ tiny: no gradient step)
/// (MoMo*)  ℓ ← max(ℓ₀, (f̄ + ⟨d,x⟩ − γ − ½ τ ⟨d,u⟩) / ρ)
/// x ← (x·pre − τ u)·post,   (pre, post) = (1 − αλ, 1) for MoMo-Adam without Divide, else (1, 1/c)
/// </code>
/// The vector updates (d, v, u, x) run in the backends' fused passes; this class holds the scalar part: what is
/// known before any sum (<see cref="Begin"/>), and how the minibatch's sums ⟨g,x⟩, ⟨d,x⟩ and ⟨d,u⟩ (d the new
/// average, x the point before the move) give τ and the next scalars (<see cref="Finish"/>). Everything in double.
/// </summary>
internal static class MomoMath
{
    /// <summary>⟨d,u⟩ at or below this means "no gradient step" (optax semantics, well below any real norm).</summary>
    public const double TinyNorm = 1e-32;

    /// <summary>Step <paramref name="k"/>'s constants (1-based), known before any sum.</summary>
    /// <param name="settings">The hyper-parameters.</param>
    /// <param name="state">The scalars after step k − 1.</param>
    /// <param name="k">The step, from 1.</param>
    /// <param name="beta">β (β1) of this step.</param>
    /// <param name="alpha">α of this step.</param>
    public static MomoConstants Begin(in MomoSettings settings, in MomoScalars state, long k, double beta, double alpha)
    {
        double a, b, rho, product = state.BetaProduct;
        if (settings.BiasCorrected)
        {
            (a, b) = (beta, 1 - beta);
            product *= beta;
            rho = 1 - product;
        }
        else
        {
            // First-value initialisation: the first step's averages are its values.
            (a, b) = k == 1 ? (0.0, 1.0) : (beta, 1 - beta);
            rho = 1;
        }
        var lambda = settings.WeightDecay;
        var c = 1 + alpha * lambda;
        var (pre, post) = settings.Adam && !settings.Divide ? (1 - alpha * lambda, 1.0) : (1.0, 1 / c);
        return new MomoConstants(a, b, rho, product, c, alpha / rho, pre, post);
    }

    /// <summary>τ and the next scalars from the step's loss and sums.</summary>
    /// <param name="settings">The hyper-parameters.</param>
    /// <param name="state">The scalars after step k − 1.</param>
    /// <param name="step">The step's constants (<see cref="Begin"/>).</param>
    /// <param name="loss">The minibatch loss f.</param>
    /// <param name="gradDotParams">⟨g, x⟩.</param>
    /// <param name="dirDotParams">⟨d, x⟩ with the new d.</param>
    /// <param name="norm">⟨d, u⟩: ‖d‖² (MoMo) or Σ d²/D (MoMo-Adam).</param>
    public static MomoStep Finish(in MomoSettings settings, in MomoScalars state, in MomoConstants step,
        double loss, double gradDotParams, double dirDotParams, double norm)
    {
        var (a, b, rho, c) = (step.A, step.B, step.Rho, step.C);
        var dx = dirDotParams;
        var fbar = a * state.LossAverage + b * loss;
        var gamma = a * state.GradDotParams + b * gradDotParams;
        var lb = state.LowerBound;
        if (settings.AdaptLowerBound)
        {
            var cap = c * fbar + dx - c * gamma;
            if (cap < c * rho * lb) lb = Math.Max(settings.LowerBound, cap / (2 * c * rho));
        }
        var numerator = c * (fbar - rho * lb) + dx - c * gamma;
        var polyak = norm <= TinyNorm ? 0.0 : Math.Max(numerator, 0.0) / norm;
        var tau = Math.Min(step.Cap, polyak);
        var nextLowerBound = settings.AdaptLowerBound
            ? Math.Max(settings.LowerBound, ((fbar + dx - gamma) - 0.5 * tau * norm) / rho)
            : lb;
        return new MomoStep(tau, polyak, lb, new MomoScalars(fbar, gamma, step.BetaProduct, nextLowerBound));
    }

    /// <summary>
    /// The step when τ is undefined (a sum is not finite: x holds a NaN or ±∞, or a product overflowed float): the
    /// cap α/ρ, MoMo's base method at that learning rate; the averages keep their values.
    /// </summary>
    /// <param name="state">The scalars after step k − 1.</param>
    /// <param name="step">The step's constants (<see cref="Begin"/>).</param>
    public static MomoStep Undefined(in MomoScalars state, in MomoConstants step)
        => new(step.Cap, double.NaN, state.LowerBound, state with { BetaProduct = step.BetaProduct });
}

/// <summary>The scalars MoMo carries between steps.</summary>
/// <param name="LossAverage">f̄.</param>
/// <param name="GradDotParams">γ, the average of ⟨g, x⟩.</param>
/// <param name="BetaProduct">Π β over the steps so far (ρ = 1 − Π β when bias-corrected).</param>
/// <param name="LowerBound">ℓ for the next step.</param>
internal readonly record struct MomoScalars(double LossAverage, double GradDotParams, double BetaProduct, double LowerBound)
{
    /// <summary>Before the first step: zero averages, ℓ = ℓ₀.</summary>
    public static MomoScalars Initial(double lowerBound) => new(0, 0, 1, lowerBound);
}

/// <summary>What is known of a step before any sum.</summary>
/// <param name="A">Weight of the old averages (β; 0 at a first-value-initialised first step).</param>
/// <param name="B">Weight of the new values (1 − β; 1 at that first step).</param>
/// <param name="Rho">ρ.</param>
/// <param name="BetaProduct">Π β including this step.</param>
/// <param name="C">c = 1 + αλ.</param>
/// <param name="Cap">The cap α/ρ of τ.</param>
/// <param name="Pre">Factor of x before the move.</param>
/// <param name="Post">Factor of x after the move.</param>
internal readonly record struct MomoConstants(double A, double B, double Rho, double BetaProduct, double C, double Cap, double Pre, double Post);

/// <summary>A step's outcome.</summary>
/// <param name="Tau">τ, the step size used.</param>
/// <param name="Polyak">The unclipped Polyak step (NaN when undefined).</param>
/// <param name="LowerBound">ℓ used in this step.</param>
/// <param name="Next">The scalars after this step.</param>
internal readonly record struct MomoStep(double Tau, double Polyak, double LowerBound, MomoScalars Next)
{
    /// <summary>Whether τ sat at its cap.</summary>
    public bool Capped(in MomoConstants step) => Tau >= step.Cap;
}
