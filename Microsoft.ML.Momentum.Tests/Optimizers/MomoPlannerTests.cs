using Microsoft.ML.Momentum.Optimizers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>
/// MoMo's readable math (MomoMath) against the pseudo-code of optimizers.md, and the execution planner's steps (two
/// passes, speculative capped steps and their corrections, on both backends) against that readable math.
/// </summary>
[TestClass]
public sealed class MomoPlannerTests
{
    private const int Steps = 150;
    private static readonly LeastSquares Problem = new();

    private static IEnumerable<(string Name, MomoConfig Config, Func<bool, Optimizer> Create)> Configurations()
    {
        yield return ("momo", new(1, 0.9, 0, 0, false, false), s => new Momo { SpeculateCappedSteps = s });
        yield return ("momo-wd-bc", new(0.5, 0.9, 0, 0.01, true, false), s => new Momo { LearningRate = 0.5, WeightDecay = 0.01, BiasCorrection = true, SpeculateCappedSteps = s });
        yield return ("momo-star", new(1, 0.9, 0, 0, false, false, Fstar: true), s => new Momo { AdaptLowerBound = true, SpeculateCappedSteps = s });
        yield return ("momo-adam", new(0.05, 0.9, 0, 0, true, true), s => new MomoAdam { LearningRate = 0.05, SpeculateCappedSteps = s });
        yield return ("momo-adam-prox", new(0.05, 0.9, 0, 0.1, true, true), s => new MomoAdam { LearningRate = 0.05, WeightDecay = 0.1, SpeculateCappedSteps = s });
        yield return ("momo-adam-decoupled", new(0.05, 0.9, 0, 0.1, true, true, Divide: false),
            s => new MomoAdam { LearningRate = 0.05, WeightDecay = 0.1, Divide = false, SpeculateCappedSteps = s });
    }

    /// <summary>Loss factors: the problem's own losses, and losses large enough that the cap binds (speculative steps).</summary>
    private static readonly (string Name, Func<long, double> Scale)[] Scales = [("loss", _ => 1.0), ("binding", _ => 100.0 * Problem.N)];

    [TestMethod]
    public void TheReadableMathIsThePseudoCode()
    {
        foreach (var (name, config, _) in Configurations())
        {
            foreach (var (scaleName, scale) in Scales)
            {
                var (expected, expectedTaus) = ReferenceMomo.Run(Problem, Steps, config, new ReferenceMomo.Formulas(config), scale);
                var (actual, taus) = ReferenceMomo.Run(Problem, Steps, config, new ReferenceMomo.LibraryMath(config), scale);
                // ρ is 1 − Π β in the library and 1 − β^k in the pseudo-code: they differ in the last bits.
                for (var k = 0; k < Steps; k++) Assert.AreEqual(expectedTaus[k], taus[k], 1e-9 * expectedTaus[k], $"{name} {scaleName}: τ at step {k}");
                for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"{name} {scaleName}: x[{i}]");
            }
        }
    }

    [TestMethod]
    public void EveryExecutionPlanFollowsTheReadableMath()
    {
        foreach (var (name, config, create) in Configurations())
        {
            foreach (var (scaleName, scale) in Scales)
            {
                var (expected, _) = ReferenceMomo.Run(Problem, Steps, config, new ReferenceMomo.LibraryMath(config), scale);
                foreach (var speculate in new[] { false, true })
                {
                    foreach (var backend in new[] { Backend.Cpu, Backend.Tensor })
                    {
                        using var optimizer = create(speculate);
                        var x = Problem.StartFloat;
                        for (var k = 0; k < Steps; k++)
                        {
                            var (loss, g) = Problem.Evaluate(x, k);
                            Run.Step(optimizer, x, g, loss * scale(k), backend);
                        }
                        Run.AssertClose(expected, x, 2e-5, $"{name} {scaleName} speculate={speculate} {backend}");
                    }
                }
            }
        }
    }
}
