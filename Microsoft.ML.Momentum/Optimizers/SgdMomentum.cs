using System.Numerics;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// Stochastic gradient descent with heavy-ball momentum in PyTorch's buffer form:
/// b ← μ·b + g (b = g at the first step), x ← x − lr·b.
/// </summary>
public sealed class SgdMomentum : IOptimizer
{
    private float[]? _buffer;

    /// <summary>Step size lr (default 0.01).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Momentum μ in [0, 1) (default 0.9).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <inheritdoc />
    public long StepCount { get; private set; }

    internal float[]? ExportBuffer() => (float[]?)_buffer?.Clone();

    internal void ImportState(long steps, float[]? buffer)
    {
        StepCount = steps;
        _buffer = buffer;
    }

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double loss)
    {
        if (gradients.Length != parameters.Length)
        {
            throw new ArgumentException($"The gradient has {gradients.Length} elements, the parameters {parameters.Length}.", nameof(gradients));
        }
        var first = _buffer is null;
        _buffer ??= new float[parameters.Length];
        if (_buffer.Length != parameters.Length)
        {
            throw new ArgumentException($"This optimizer was used with {_buffer.Length} parameters, now {parameters.Length}.", nameof(parameters));
        }
        // At the first step b = g, which is μ·0 + g.
        var mu = first ? 0f : (float)Momentum;
        var lr = (float)LearningRate;
        var b = _buffer.AsSpan();
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vmu = new Vector<float>(mu);
            var vlr = new Vector<float>(lr);
            for (; i <= parameters.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var nb = vmu * new Vector<float>(b[i..]) + new Vector<float>(gradients[i..]);
                nb.CopyTo(b[i..]);
                (new Vector<float>(parameters[i..]) - vlr * nb).CopyTo(parameters[i..]);
            }
        }
        for (; i < parameters.Length; i++)
        {
            b[i] = mu * b[i] + gradients[i];
            parameters[i] -= lr * b[i];
        }
        StepCount++;
    }
}
