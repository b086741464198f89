using Microsoft.ML.Momentum.Optimizers.Methods;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>MoMo's hyper-parameters for <see cref="ReferenceMomo"/>.</summary>
internal sealed record MomoConfig(double Lr, double Beta, double Lb, double Lambda, bool BiasCorrection, bool Adam,
    bool Divide = true, bool Fstar = false, double Beta2 = 0.999, double Eps = 1e-8)
{
    /// <summary>The library's settings for the same configuration.</summary>
    public MomoSettings Settings => new(Adam, BiasCorrection, Lb, Fstar, Divide, Beta2, Eps, Lambda);
}

/// <summary>
/// MoMo in double over plain loops on a <see cref="LeastSquares"/> problem: the vector updates written out here from
/// optimizers.md, the scalar step (sums → τ and ℓ) either the pseudo-code's lines (<see cref="Formulas"/>) or the
/// library's readable math (<see cref="LibraryMath"/>).
/// </summary>
internal static class ReferenceMomo
{
    /// <summary>The scalar part of a step: f̄, γ, ℓ kept inside; returns τ.</summary>
    public interface IScalarStep
    {
        double Step(long k, double f, double gx, double dx, double nrm);
    }

    /// <summary>Runs <paramref name="steps"/> steps; the loss of minibatch k is multiplied by <paramref name="lossScale"/>(k).</summary>
    public static (double[] X, List<double> Taus) Run(LeastSquares problem, int steps, MomoConfig config, IScalarStep scalars, Func<long, double>? lossScale = null)
    {
        var (n, beta, lr) = (problem.N, config.Beta, config.Lr);
        var x = (double[])problem.Start.Clone();
        var d = new double[n];
        var v = new double[n];
        var taus = new List<double>();
        var corrected = config.Adam || config.BiasCorrection;
        for (var k = 1; k <= steps; k++)
        {
            var (f, g) = problem.Evaluate(x, k - 1);
            f *= lossScale?.Invoke(k - 1) ?? 1;
            var gx = g.Zip(x, (a, b) => a * b).Sum();
            var first = !corrected && k == 1;
            for (var i = 0; i < n; i++) d[i] = first ? g[i] : beta * d[i] + (1 - beta) * g[i];
            var dir = new double[n];
            for (var i = 0; i < n; i++)
            {
                if (config.Adam)
                {
                    v[i] = config.Beta2 * v[i] + (1 - config.Beta2) * g[i] * g[i];
                    dir[i] = d[i] / (Math.Sqrt(v[i] / (1 - Math.Pow(config.Beta2, k))) + config.Eps);
                }
                else
                {
                    dir[i] = d[i];
                }
            }
            var nrm = d.Zip(dir, (a, b) => a * b).Sum();
            var dx = d.Zip(x, (a, b) => a * b).Sum();
            var tau = scalars.Step(k, f, gx, dx, nrm);
            taus.Add(tau);
            var c = 1 + lr * config.Lambda;
            for (var i = 0; i < n; i++)
            {
                x[i] = config.Adam && !config.Divide ? x[i] * (1 - lr * config.Lambda) - tau * dir[i] : (x[i] - tau * dir[i]) / c;
            }
        }
        return (x, taus);
    }

    /// <summary>The scalar step as the pseudo-code of optimizers.md §2 writes it.</summary>
    public sealed class Formulas(MomoConfig config) : IScalarStep
    {
        private double _fbar, _gamma, _lb = config.Lb;

        public double Step(long k, double f, double gx, double dx, double nrm)
        {
            var (beta, lr, lambda, lb) = (config.Beta, config.Lr, config.Lambda, config.Lb);
            var corrected = config.Adam || config.BiasCorrection;
            if (!corrected && k == 1)
            {
                _fbar = f;
                _gamma = gx;
            }
            else
            {
                _fbar = beta * _fbar + (1 - beta) * f;
                _gamma = beta * _gamma + (1 - beta) * gx;
            }
            var rho = corrected ? 1 - Math.Pow(beta, k) : 1;
            var c = 1 + lr * lambda;
            if (config.Fstar)
            {
                var cap = c * _fbar + dx - c * _gamma;
                if (cap < c * rho * _lb) _lb = Math.Max(lb, cap / (2 * c * rho));
            }
            var t1 = nrm <= 0 ? 0 : Math.Max(c * (_fbar - rho * _lb) + dx - c * _gamma, 0) / nrm;
            var tau = Math.Min(lr / rho, t1);
            if (config.Fstar) _lb = Math.Max(lb, ((_fbar + dx - _gamma) - 0.5 * tau * nrm) / rho);
            return tau;
        }
    }

    /// <summary>The scalar step through the library's <see cref="MomoMath"/>.</summary>
    public sealed class LibraryMath(MomoConfig config) : IScalarStep
    {
        private MomoScalars _state = MomoScalars.Initial(config.Lb);

        public double Step(long k, double f, double gx, double dx, double nrm)
        {
            var settings = config.Settings;
            var step = MomoMath.Begin(settings, _state, k, config.Beta, config.Lr);
            var outcome = MomoMath.Finish(settings, _state, step, f, gx, dx, nrm);
            _state = outcome.Next;
            return outcome.Tau;
        }
    }
}
