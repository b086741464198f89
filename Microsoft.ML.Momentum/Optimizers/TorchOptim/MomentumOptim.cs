using TorchSharp.Modules;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// Factories in <c>torch.optim</c>'s style for the library's optimizers as TorchSharp optimizers:
/// <c>var opt = MomentumOptim.MoMo(model.parameters(), lr: 1.0);</c> replaces
/// <c>torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9)</c>. Options not offered as arguments are set on an
/// options object passed to <see cref="Create(IEnumerable{Parameter}, Optimizer)"/>.
/// </summary>
public static class MomentumOptim
{
    /// <summary>An optimizer running <paramref name="method"/> (a copy) over <paramref name="parameters"/> as one group.</summary>
    /// <param name="parameters">The parameters, e.g. <c>model.parameters()</c>.</param>
    /// <param name="method">Any of the library's optimizer configurations, with schedules and controller.</param>
    public static MomentumOptimizer Create(IEnumerable<Parameter> parameters, Optimizer method)
        => new([new MomentumOptimizer.ParamGroup(parameters)], method);

    /// <summary>An optimizer over parameter groups with their own options; groups without options take <paramref name="defaults"/>.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="defaults">The method and hyper-parameters of groups that give none.</param>
    public static MomentumOptimizer Create(IEnumerable<MomentumOptimizer.ParamGroup> groups, Optimizer defaults) => new(groups, defaults);

    /// <summary>SGD with heavy-ball momentum in PyTorch's buffer form (b ← βb + g; x ← x − lr·b), on the fused kernels.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum β in [0, 1).</param>
    /// <param name="weight_decay">L2 weight decay added to the gradient, as torch.optim.SGD.</param>
    /// <param name="nesterov">Nesterov's look-ahead.</param>
    public static MomentumOptimizer SgdMomentum(IEnumerable<Parameter> parameters, double lr, double momentum = 0.9, double weight_decay = 0, bool nesterov = false)
        => Create(parameters, new SgdMomentum { LearningRate = lr, Momentum = momentum, WeightDecay = weight_decay, Nesterov = nesterov });

    /// <summary>Adam with ε outside the square root and coupled L2 weight decay, as torch.optim.Adam.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="beta1">β1 in [0, 1).</param>
    /// <param name="beta2">β2 in [0, 1).</param>
    /// <param name="eps">ε, &gt; 0.</param>
    /// <param name="weight_decay">L2 weight decay added to the gradient.</param>
    public static MomentumOptimizer Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0)
        => Create(parameters, new Adam { LearningRate = lr, Beta1 = beta1, Beta2 = beta2, Epsilon = eps, WeightDecay = weight_decay });

    /// <summary>Demon SGD-momentum: momentum decays from <paramref name="momentum"/> to 0 over <paramref name="total_steps"/>.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="total_steps">Optimizer steps of the whole run (Demon's horizon).</param>
    /// <param name="momentum">Initial momentum β₀ in [0, 1).</param>
    /// <param name="weight_decay">L2 weight decay added to the gradient.</param>
    public static MomentumOptimizer DemonSgd(IEnumerable<Parameter> parameters, double lr, long total_steps, double momentum = 0.9, double weight_decay = 0)
        => WithHorizon(Create(parameters, new DemonSgd { LearningRate = lr, Momentum = momentum, WeightDecay = weight_decay }), total_steps);

    /// <summary>Demon Adam in the paper's sum form (its lr is about (1 − β1) times Adam's): β1 decays to 0 over <paramref name="total_steps"/>.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="total_steps">Optimizer steps of the whole run (Demon's horizon).</param>
    /// <param name="lr">Learning rate (default 1e-4).</param>
    /// <param name="beta1">Initial β1 in [0, 1).</param>
    /// <param name="beta2">β2 in [0, 1).</param>
    /// <param name="eps">ε, &gt; 0.</param>
    /// <param name="weight_decay">L2 weight decay added to the gradient.</param>
    public static MomentumOptimizer DemonAdam(IEnumerable<Parameter> parameters, long total_steps, double lr = 1e-4, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0)
        => WithHorizon(Create(parameters, new DemonAdam { LearningRate = lr, Beta1 = beta1, Beta2 = beta2, Epsilon = eps, WeightDecay = weight_decay }), total_steps);

    /// <summary>MoMo: adaptive step size from the loss, capped at <paramref name="lr"/> (1 ≈ SGD 0.1 with momentum 0.9). Step it with the loss.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="lr">The cap α of the step size.</param>
    /// <param name="beta">β of the averages in [0, 1).</param>
    /// <param name="lower_bound">A lower bound of the minibatch loss (0 for cross-entropy and MSE).</param>
    /// <param name="adapt_lower_bound">MoMo*: estimate the bound online, never below <paramref name="lower_bound"/>.</param>
    /// <param name="bias_correction">Bias-corrected averages from zero with cap α/ρ.</param>
    /// <param name="weight_decay">Weight decay λ, applied as MoMo's exact proximal step.</param>
    public static MomentumOptimizer MoMo(IEnumerable<Parameter> parameters, double lr = 1.0, double beta = 0.9, double lower_bound = 0, bool adapt_lower_bound = false, bool bias_correction = false, double weight_decay = 0)
        => Create(parameters, new Momo { LearningRate = lr, Beta = beta, LowerBound = lower_bound, AdaptLowerBound = adapt_lower_bound, BiasCorrection = bias_correction, WeightDecay = weight_decay });

    /// <summary>MoMo-Adam: Adam's preconditioned direction with MoMo's step size, capped at <paramref name="lr"/>. Step it with the loss.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="lr">The cap α of the step size (default 1e-2).</param>
    /// <param name="beta1">β1 in [0, 1).</param>
    /// <param name="beta2">β2 in [0, 1).</param>
    /// <param name="eps">ε, &gt; 0.</param>
    /// <param name="lower_bound">A lower bound of the minibatch loss.</param>
    /// <param name="adapt_lower_bound">MoMo-Adam*: estimate the bound online.</param>
    /// <param name="weight_decay">Weight decay λ.</param>
    public static MomentumOptimizer MoMoAdam(IEnumerable<Parameter> parameters, double lr = 1e-2, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double lower_bound = 0, bool adapt_lower_bound = false, double weight_decay = 0)
        => Create(parameters, new MomoAdam { LearningRate = lr, Beta1 = beta1, Beta2 = beta2, Epsilon = eps, LowerBound = lower_bound, AdaptLowerBound = adapt_lower_bound, WeightDecay = weight_decay });

    private static MomentumOptimizer WithHorizon(MomentumOptimizer optimizer, long totalSteps)
    {
        optimizer.SetHorizon(totalSteps, totalSteps);
        return optimizer;
    }
}
