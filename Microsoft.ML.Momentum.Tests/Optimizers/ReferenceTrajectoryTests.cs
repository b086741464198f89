using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Reference = Microsoft.ML.Momentum.Tests.Optimizers.ReferenceMomo;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// Trajectories of the optimized implementations against plain double-precision loops written here from the
/// formulas of optimizers.md, on a stochastic least-squares problem.
/// </summary>
[TestClass]
public sealed class ReferenceTrajectoryTests
{
    private const int Steps = 150;
    private static readonly LeastSquares Problem = new();

    private static double DemonBeta(double beta0, long t, long total)
    {
        var r = Math.Max(0, 1 - (double)t / total);
        return beta0 * r / (1 - beta0 + beta0 * r);
    }

    /// <summary>MoMo from the formulas of optimizers.md (<see cref="Reference.Formulas"/>).</summary>
    private static double[] ReferenceMomo(double lr, double beta, double lb, double lambda, bool biasCorrection, bool adam,
        bool divide = true, bool fstar = false, double beta2 = 0.999, double eps = 1e-8)
    {
        var config = new MomoConfig(lr, beta, lb, lambda, biasCorrection, adam, divide, fstar, beta2, eps);
        return Reference.Run(Problem, Steps, config, new Reference.Formulas(config)).X;
    }

    private static double[] ReferenceDemonSgd(double lr, double beta0, long total, bool nesterov)
    {
        var x = (double[])Problem.Start.Clone();
        var b = new double[x.Length];
        for (var t = 0; t < Steps; t++)
        {
            var beta = DemonBeta(beta0, t, total);
            var (_, g) = Problem.Evaluate(x, t);
            for (var i = 0; i < x.Length; i++)
            {
                b[i] = t == 0 ? g[i] : beta * b[i] + g[i];
                x[i] -= lr * (nesterov ? g[i] + beta * b[i] : b[i]);
            }
        }
        return x;
    }

    private static double[] ReferenceDemonAdam(double lr, double beta0, long total, AdamFirstMoment form, double beta2 = 0.999, double eps = 1e-8)
    {
        var x = (double[])Problem.Start.Clone();
        var m = new double[x.Length];
        var v = new double[x.Length];
        var product = 1.0;
        for (var t = 0; t < Steps; t++)
        {
            var k = t + 1;
            var beta = DemonBeta(beta0, t, total);
            product *= beta;
            var (_, g) = Problem.Evaluate(x, t);
            for (var i = 0; i < x.Length; i++)
            {
                m[i] = form == AdamFirstMoment.Sum ? g[i] + beta * m[i] : beta * m[i] + (1 - beta) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                var mhat = form switch
                {
                    AdamFirstMoment.Sum => m[i],
                    AdamFirstMoment.Ema => m[i] / (1 - product),
                    _ => m[i] / (1 - Math.Pow(beta, k)),
                };
                x[i] -= lr * mhat / (Math.Sqrt(v[i] / (1 - Math.Pow(beta2, k))) + eps);
            }
        }
        return x;
    }

    [TestMethod]
    public void Momo()
    {
        Run.AssertClose(ReferenceMomo(1, 0.9, 0, 0, false, false), Run.Cpu(new Momo(), Problem, Steps), 2e-5, "MoMo");
        Run.AssertClose(ReferenceMomo(0.5, 0.9, 0, 0.01, true, false), Run.Cpu(new Momo { LearningRate = 0.5, WeightDecay = 0.01, BiasCorrection = true }, Problem, Steps), 2e-5, "MoMo bias-corrected, weight decay");
        Run.AssertClose(ReferenceMomo(1, 0.9, 0, 0, false, false, fstar: true), Run.Cpu(new Momo { AdaptLowerBound = true }, Problem, Steps), 2e-5, "MoMo*");
    }

    [TestMethod]
    public void MomoAdam()
    {
        Run.AssertClose(ReferenceMomo(0.05, 0.9, 0, 0, true, true), Run.Cpu(new MomoAdam { LearningRate = 0.05 }, Problem, Steps), 2e-5, "MoMo-Adam");
        Run.AssertClose(ReferenceMomo(0.05, 0.9, 0, 0.1, true, true, divide: false), Run.Cpu(new MomoAdam { LearningRate = 0.05, WeightDecay = 0.1, Divide = false }, Problem, Steps), 2e-5, "MoMo-Adam decoupled");
        Run.AssertClose(ReferenceMomo(0.05, 0.9, 0, 0.1, true, true), Run.Cpu(new MomoAdam { LearningRate = 0.05, WeightDecay = 0.1 }, Problem, Steps), 2e-5, "MoMo-Adam prox");
    }

    [TestMethod]
    public void DemonSgd()
    {
        foreach (var nesterov in new[] { false, true })
        {
            var optimizer = new DemonSgd { LearningRate = 0.05, Nesterov = nesterov };
            optimizer.SetHorizon(120, 12);
            Run.AssertClose(ReferenceDemonSgd(0.05, 0.9, 120, nesterov), Run.Cpu(optimizer, Problem, Steps), 2e-5, $"Demon-SGD nesterov={nesterov}");
        }
    }

    [TestMethod]
    public void DemonAdam()
    {
        foreach (var form in new[] { AdamFirstMoment.Sum, AdamFirstMoment.Ema, AdamFirstMoment.EmaPower })
        {
            var optimizer = new DemonAdam { LearningRate = 0.01, FirstMoment = form };
            optimizer.SetHorizon(120, 12);
            Run.AssertClose(ReferenceDemonAdam(0.01, 0.9, 120, form), Run.Cpu(optimizer, Problem, Steps), 2e-5, $"Demon-Adam {form}");
        }
    }

    [TestMethod]
    public void AdamIsDemonAdamWithAConstantBeta()
    {
        var optimizer = new Adam { LearningRate = 0.01 };
        Run.AssertClose(ReferenceDemonAdam(0.01, 0.9, long.MaxValue / 4, AdamFirstMoment.Ema), Run.Cpu(optimizer, Problem, Steps), 2e-5, "Adam");
    }

    [TestMethod]
    public void AdamWDecouplesTheDecay()
    {
        // x ← (1 − lr·λ)x − lr·m̂/(√v̂ + ε): with zero gradients only the decay acts.
        var x = new[] { 1f, -2f };
        var optimizer = new AdamW { LearningRate = 0.1, WeightDecay = 0.5 };
        optimizer.Step(x, new float[2], 0);
        Assert.AreEqual(0.95f, x[0], 1e-7f);
        Assert.AreEqual(-1.9f, x[1], 1e-7f);
    }
}
