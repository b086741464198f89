namespace Microsoft.ML.Momentum.Optimizers.Execution;

/// <summary>
/// A direction rule × step-size rule as one fused update (SGD, heavy ball in its forms, Adam, MoMo,
/// MoMo-Adam). It owns the per-parameter state vectors and the scalars of its method.
/// </summary>
internal abstract class UpdateRule : IDisposable
{
    private readonly List<(string Name, StateVector Vector)> _vectors = [];

    /// <summary>Whether the rule reads the loss.</summary>
    public virtual bool UsesLoss => false;

    /// <summary>Names of the state vectors this rule keeps (allocated on bind).</summary>
    protected abstract IReadOnlyList<string> VectorNames { get; }

    /// <summary>Creates zeroed state vectors.</summary>
    public void Bind(IVectorBackend backend, long length)
    {
        DisposeVectors();
        foreach (var name in VectorNames) _vectors.Add((name, backend.Allocate(length)));
    }

    /// <summary>Applies one step; returns false (state untouched) when the inputs are not finite.</summary>
    public abstract bool Apply(IVectorBackend backend, in StepInput input, ref StepReport report);

    /// <summary>Writes scalars and vectors under "rule.".</summary>
    public virtual void Save(StateBag bag)
    {
        foreach (var (name, vector) in _vectors) bag.Set("rule." + name, vector.ToArray());
    }

    /// <summary>Restores scalars and vectors (re-creating the vectors on <paramref name="backend"/>).</summary>
    public virtual void Load(StateBag bag, IVectorBackend backend, long length)
    {
        DisposeVectors();
        foreach (var name in VectorNames)
        {
            var values = bag.GetFloats("rule." + name);
            if (values.LongLength != length) throw new InvalidDataException($"State vector '{name}' has {values.LongLength} elements, the parameters {length}.");
            _vectors.Add((name, backend.FromValues(values)));
        }
    }

    /// <summary>The state vector named <paramref name="name"/>.</summary>
    protected Vec Vector(string name)
    {
        foreach (var (n, v) in _vectors)
        {
            if (n == name) return v.AsVec();
        }
        throw new InvalidOperationException($"State vector '{name}' is not bound.");
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> in the place of the state vector named <paramref name="name"/> and
    /// returns the vector it held (double-buffered rules swap their new state in this way).
    /// </summary>
    protected StateVector Exchange(string name, StateVector replacement)
    {
        for (var i = 0; i < _vectors.Count; i++)
        {
            if (_vectors[i].Name == name)
            {
                var previous = _vectors[i].Vector;
                _vectors[i] = (name, replacement);
                return previous;
            }
        }
        throw new InvalidOperationException($"State vector '{name}' is not bound.");
    }

    /// <summary>Releases working buffers a rule keeps besides its state vectors.</summary>
    protected virtual void DisposeScratch() { }

    public void Dispose()
    {
        DisposeVectors();
        DisposeScratch();
    }

    private void DisposeVectors()
    {
        foreach (var (_, v) in _vectors) v.Dispose();
        _vectors.Clear();
    }
}
