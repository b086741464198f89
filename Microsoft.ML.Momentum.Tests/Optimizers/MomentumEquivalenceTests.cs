using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class MomentumEquivalenceTests
{
    [TestMethod]
    public void PyTorchAndSutskeverFormsAgreeAtConstantLearningRate()
    {
        var problem = new LeastSquares();
        var pt = Run.Cpu(new SgdMomentum { LearningRate = 0.05, Momentum = 0.9 }, problem, 100);
        // Sutskever with v₀ = 0 equals PyTorch with b₀ = 0; PyTorch initialises b = g, which is the same.
        var su = Run.Cpu(new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, Form = MomentumForm.Sutskever }, problem, 100);
        Run.AssertClose(pt, su, 1e-5, "PT vs SU");
        var ptn = Run.Cpu(new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, Nesterov = true }, problem, 100);
        var sun = Run.Cpu(new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, Nesterov = true, Form = MomentumForm.Sutskever }, problem, 100);
        Run.AssertClose(ptn, sun, 1e-5, "Nesterov PT vs SU");
    }

    [TestMethod]
    public void FormsDifferWhenTheLearningRateIsScheduled()
    {
        var problem = new LeastSquares();
        var schedule = new StepSchedule { StepSize = 20, Gamma = 0.1 };
        var pt = Run.Cpu(new SgdMomentum { LearningRate = 0.05, LearningRateSchedule = schedule }, problem, 25);
        var su = Run.Cpu(new SgdMomentum { LearningRate = 0.05, LearningRateSchedule = schedule, Form = MomentumForm.Sutskever }, problem, 25);
        Assert.IsGreaterThan(1e-4, pt.Zip(su).Max(p => Math.Abs(p.First - p.Second)));
    }

    [TestMethod]
    public void EmaFormWithLearningRateAlphaEqualsPyTorchFormWithAlphaTimesOneMinusBeta()
    {
        var problem = new LeastSquares();
        var ema = Run.Cpu(new SgdMomentum { LearningRate = 0.5, Momentum = 0.9, Form = MomentumForm.Ema }, problem, 1);
        var pt = Run.Cpu(new SgdMomentum { LearningRate = 0.5, Momentum = 0.9 }, problem, 1);
        Run.AssertClose(pt, ema, 1e-6, "first step identical (both buffers start at g)");
    }

    [TestMethod]
    public void SgdMomentumEqualsPrimalAveragingWithTheMappedParameters()
    {
        // Heavy ball with constant β and a 10× learning-rate drop at k = 20 vs stochastic primal averaging
        // z_{k+1} = z_k − η_k g(x_k), x_{k+1} = (1 − c_{k+1}) x_k + c_{k+1} z_{k+1} (z₀ = x₀) with the mapping of
        // optimizers.md §4. Sutskever: c = 1 − β, η_k = α_k/(1 − β). PyTorch: β = (1 − c_k) η_{k−1}/η_k and
        // α_k = c_{k+1} η_k, i.e. η₀ = α₀/(1 − β), η_k = (η_{k−1} − α_{k−1})/β, c_{k+1} = α_k/η_k.
        var problem = new LeastSquares();
        const double beta = 0.9;
        static double Alpha(long k) => k < 20 ? 0.05 : 0.005;
        var schedule = new MultiStepSchedule { Milestones = [20], Gamma = 0.1 };
        foreach (var form in new[] { MomentumForm.Sutskever, MomentumForm.PyTorch })
        {
            var hb = Run.Cpu(new SgdMomentum { LearningRate = 0.05, Momentum = beta, Form = form, LearningRateSchedule = schedule }, problem, 40);
            var x = (double[])problem.Start.Clone();
            var z = (double[])problem.Start.Clone();
            var eta = Alpha(0) / (1 - beta);
            for (long k = 0; k < 40; k++)
            {
                if (form == MomentumForm.Sutskever) eta = Alpha(k) / (1 - beta);
                else if (k > 0) eta = (eta - Alpha(k - 1)) / beta;
                var c = form == MomentumForm.Sutskever ? 1 - beta : Alpha(k) / eta;
                var (_, g) = problem.Evaluate(x, k);
                for (var i = 0; i < x.Length; i++)
                {
                    z[i] -= eta * g[i];
                    x[i] = (1 - c) * x[i] + c * z[i];
                }
            }
            Run.AssertClose(x, hb, 2e-5, $"SPA vs heavy ball ({form})");
        }
    }

    [TestMethod]
    public void DemonWithAHugeHorizonEqualsConstantMomentum()
    {
        var problem = new LeastSquares();
        var demon = new DemonSgd { LearningRate = 0.05 };
        demon.SetHorizon(long.MaxValue / 4, 10);
        var constant = Run.Cpu(new SgdMomentum { LearningRate = 0.05 }, problem, 100);
        Run.AssertClose(constant, Run.Cpu(demon, problem, 100), 1e-6, "Demon T→∞");
        var demonAdam = new DemonAdam { LearningRate = 1e-3, FirstMoment = AdamFirstMoment.Ema };
        demonAdam.SetHorizon(long.MaxValue / 4, 10);
        Run.AssertClose(Run.Cpu(new Adam(), problem, 100), Run.Cpu(demonAdam, problem, 100), 1e-6, "Demon-Adam T→∞");
    }

    [TestMethod]
    public void DemonWithBetaZeroIsPlainSgd()
    {
        var problem = new LeastSquares();
        var demon = new DemonSgd { LearningRate = 0.05, Momentum = 0 };
        demon.SetHorizon(100, 10);
        Run.AssertClose(Run.Cpu(new Sgd { LearningRate = 0.05 }, problem, 50), Run.Cpu(demon, problem, 50), 1e-7, "β₀ = 0");
    }

    [TestMethod]
    public void DemonSgdmOnHalfXSquared()
    {
        // f = ½x², x₀ = 1, η = 0.1, β₀ = 0.9, T = 5 (β = 0.9, 0.878049, 0.84375, 0.782609, 0.642857), Sutskever form.
        double x = 1, v = 0;
        var expected = new double[5];
        for (var t = 0; t < 5; t++)
        {
            var r = 1 - t / 5.0;
            var b = 0.9 * r / (0.1 + 0.9 * r);
            v = b * v - 0.1 * x;
            x += v;
            expected[t] = x;
        }
        Assert.AreEqual(0.9, expected[0], 1e-12);
        Assert.AreEqual(0.72219512, expected[1], 1e-8);
        foreach (var form in new[] { MomentumForm.Sutskever, MomentumForm.PyTorch })
        {
            var optimizer = new DemonSgd { LearningRate = 0.1, Form = form };
            optimizer.SetHorizon(5, 5);
            var p = new[] { 1f };
            for (var t = 0; t < 5; t++)
            {
                optimizer.Step(p, [p[0]], 0);
                Assert.AreEqual(expected[t], p[0], 1e-6, $"{form} step {t}");
            }
        }
    }
}
