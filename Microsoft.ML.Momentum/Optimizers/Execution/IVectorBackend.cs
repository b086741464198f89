namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// The coarse-grained vector kernels every optimizer is built from: one call performs the whole update of a
/// method (or one fused pass of it). The CPU backend runs fused multi-threaded SIMD loops over host memory;
/// the tensor backend runs the same algorithm as TorchSharp ops on the buffers' device. Reductions are in
/// double on both; scalars arrive as floats, each computed in double and rounded once. An optional
/// <c>accumulate</c> vector receives += x after the update (AutoDrop's running sum).
/// </summary>
internal interface IVectorBackend
{
    /// <summary>Allocates a zero state vector of <paramref name="length"/> elements next to the parameters.</summary>
    StateVector Allocate(long length);

    /// <summary>Allocates a state vector holding <paramref name="values"/>.</summary>
    StateVector FromValues(float[] values);

    /// <summary>True when every element is finite.</summary>
    bool AllFinite(Vec vector);

    /// <summary>x ← x·decay − lr·(g + wd·x).</summary>
    void Sgd(Vec x, Vec g, Vec accumulate, float weightDecay, float learningRate, float decay);

    /// <summary>The fused heavy-ball update (see <see cref="MomentumCoefficients"/>).</summary>
    void Momentum(Vec x, Vec g, Vec m, Vec accumulate, in MomentumCoefficients c);

    /// <summary>The fused Adam update (see <see cref="AdamCoefficients"/>).</summary>
    void Adam(Vec x, Vec g, Vec m, Vec v, Vec accumulate, in AdamCoefficients c);

    /// <summary>
    /// MoMo's first pass: dNext ← a·d + b·g and, for MoMo-Adam, vNext ← β2·v + (1 − β2)·g² and the direction
    /// u ← dNext/D with D = √vNext·invSqrtBc2 + ε; returns (⟨g, x⟩, ⟨dNext, x⟩, Σ dNext·u or Σ dNext²). With
    /// dNext (and vNext, direction) <see cref="Vec.None"/> it only returns the sums and writes nothing; otherwise
    /// MoMo-Adam needs all three. dNext and vNext may be d and v themselves (an in-place update); written into spare
    /// buffers, d and v stay as they were, so a caller that finds the sums non-finite (a non-finite g or x) still has
    /// its state untouched.
    /// </summary>
    Sums3 MomoMoments(Vec x, Vec g, Vec d, Vec v, Vec dNext, Vec vNext, Vec direction, in MomoCoefficients c);

    /// <summary>
    /// Whether MoMo's two-pass steps over <paramref name="length"/> elements double-buffer the state (pass 1 writes
    /// the new d, v and direction into spare buffers, pass 2 reads the direction) rather than recompute it in pass 2.
    /// </summary>
    bool DoublesMomoState(long length);

    /// <summary>MoMo's second pass: x ← (x·pre − τ·direction)·post (the direction is MoMo's d, MoMo-Adam's u).</summary>
    void MomoStep(Vec x, Vec direction, Vec accumulate, float pre, float tau, float post);

    /// <summary>
    /// MoMo's speculative capped step: d ← a·d + b·g (and v) in place, then x ← x·decay − step·direction, with
    /// <paramref name="sums"/> those of <see cref="MomoMoments"/> taken at x before the move. The result equals pass 1
    /// followed by the heavy-ball (MoMo) or Adam (MoMo-Adam) kernel with the same step and decay, bit for bit.
    /// Returns false, having written nothing, when g is not finite; the sums are non-finite when x is, or when a
    /// product overflowed float. The CPU backend checks g and then makes one pass; the tensor backend computes the
    /// sums first (its two calls cost what a two-pass step costs) and checks g only when they are not finite.
    /// </summary>
    bool MomoCappedStep(Vec x, Vec g, Vec d, Vec v, in MomoCoefficients c, float decay, float step, out Sums3 sums);

    /// <summary>x ← x + delta·direction, the direction recomputed from d (and v): d/D for MoMo-Adam, d for MoMo.</summary>
    void MomoCorrect(Vec x, Vec d, Vec v, in MomoCoefficients c, float delta);

    /// <summary>
    /// End of an AutoDrop window: y = window·scale; if <paramref name="hasPrevious"/>: s = y − yPrev, and if
    /// <paramref name="hasPreviousStep"/> returns (⟨s, sPrev⟩, ‖s‖², ‖sPrev‖²); then sPrev ← s, yPrev ← y and,
    /// with <paramref name="clearWindow"/>, window ← 0.
    /// </summary>
    Sums3 WindowEnd(Vec window, Vec previousMean, Vec previousStep, float scale, bool hasPrevious, bool hasPreviousStep, bool clearWindow);

    /// <summary>y ← y + alpha·x.</summary>
    void Axpy(Vec y, float alpha, Vec x);

    /// <summary>destination ← alpha·source.</summary>
    void ScaleInto(Vec destination, float alpha, Vec source);
}
