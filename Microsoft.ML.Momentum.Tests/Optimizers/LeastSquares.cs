using Microsoft.ML.Momentum.Engine;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// A small least-squares problem f(x) = (1/2b)·‖A_B x − y_B‖² over minibatches B of rows that cycle with the
/// step index; everything in double. Losses are ≥ 0, so MoMo's default lower bound 0 is valid.
/// </summary>
internal sealed class LeastSquares
{
    public const int Rows = 48;
    public const int Batch = 8;
    public readonly int N;
    private readonly double[,] _a;
    private readonly double[] _y;

    public LeastSquares(int n = 24, int seed = 7)
    {
        N = n;
        var random = new Random(seed);
        _a = new double[Rows, n];
        _y = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < n; c++) _a[r, c] = random.NextDouble() * 2 - 1;
            _y[r] = random.NextDouble() * 4 - 2;
        }
        Start = new double[n];
        for (var c = 0; c < n; c++) Start[c] = random.NextDouble() - 0.5;
    }

    public double[] Start { get; }

    public float[] StartFloat => Start.Select(v => (float)v).ToArray();

    /// <summary>Loss and gradient of minibatch <paramref name="step"/> at <paramref name="x"/>.</summary>
    public (double Loss, double[] Gradient) Evaluate(ReadOnlySpan<double> x, long step)
    {
        var gradient = new double[N];
        var loss = 0.0;
        for (var k = 0; k < Batch; k++)
        {
            var r = (int)((step * Batch + k) % Rows);
            var residual = -_y[r];
            for (var c = 0; c < N; c++) residual += _a[r, c] * x[c];
            loss += residual * residual;
            for (var c = 0; c < N; c++) gradient[c] += _a[r, c] * residual / Batch;
        }
        return (loss / (2 * Batch), gradient);
    }

    public (double Loss, float[] Gradient) Evaluate(ReadOnlySpan<float> x, long step)
    {
        var xd = new double[x.Length];
        for (var i = 0; i < x.Length; i++) xd[i] = x[i];
        var (loss, g) = Evaluate(xd, step);
        return (loss, g.Select(v => (float)v).ToArray());
    }
}

/// <summary>
/// A problem just above the length from which MoMo double-buffers its state (2^21): a separable quadratic whose
/// curvature cycles with the step, plus a fixed offset, cheap enough to evaluate at two million elements.
/// </summary>
internal static class DoubleBufferedProblem
{
    public const int N = (1 << 21) + 13;

    public static float[] Start()
    {
        var x = new float[N];
        for (var i = 0; i < N; i++) x[i] = 0.01f * (i % 101) - 0.5f;
        return x;
    }

    public static float[] Gradient(float[] x, int k)
    {
        var g = new float[N];
        for (var i = 0; i < N; i++) g[i] = x[i] * (1 + 0.25f * ((i + k) % 3)) + 0.001f * ((i % 37) - 18);
        return g;
    }
}

/// <summary>The backend a test steps an optimizer on.</summary>
public enum Backend
{
    /// <summary>Spans over host arrays (fused SIMD loops).</summary>
    Cpu,

    /// <summary>TorchSharp tensors (<see cref="FlatVector"/>) on the CPU.</summary>
    Tensor,
}

/// <summary>Helpers shared by the optimizer tests.</summary>
internal static class Run
{
    /// <summary>
    /// One step on <paramref name="backend"/> with host arrays: on the tensor backend x and g are copied into
    /// tensors and x back out, which the backend's state does not see.
    /// </summary>
    public static void Step(Microsoft.ML.Momentum.Optimizers.Optimizer optimizer, float[] x, float[] g, double loss, Backend backend)
    {
        if (backend == Backend.Cpu)
        {
            optimizer.Step(x, g, loss);
            return;
        }
        using var xv = FlatVector.FromArray(x);
        using var gv = FlatVector.FromArray(g);
        optimizer.Step(xv, gv, loss);
        xv.CopyTo(x);
    }

    /// <summary>Runs <paramref name="steps"/> CPU steps on the problem from its start; returns the parameters.</summary>
    public static float[] Cpu(Microsoft.ML.Momentum.Optimizers.Optimizer optimizer, LeastSquares problem, int steps, float[]? start = null, long firstStep = 0)
    {
        var x = start ?? problem.StartFloat;
        for (long k = firstStep; k < firstStep + steps; k++)
        {
            var (loss, g) = problem.Evaluate(x, k);
            optimizer.Step(x, g, loss);
        }
        return x;
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double relative, string what)
    {
        Assert.AreEqual(expected.Length, actual.Length, what);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.IsLessThanOrEqualTo(tolerance, Math.Abs(expected[i] - actual[i]), $"{what}: element {i} expected {expected[i]} got {actual[i]}");
        }
    }

    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double relative, string what)
    {
        var e = new double[expected.Length];
        for (var i = 0; i < e.Length; i++) e[i] = expected[i];
        AssertClose(e, actual, relative, what);
    }
}
