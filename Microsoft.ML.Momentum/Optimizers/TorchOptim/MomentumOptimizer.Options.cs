using Microsoft.ML.Momentum.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

public sealed partial class MomentumOptimizer
{
    /// <summary>
    /// A parameter group's options: one of the library's optimizer configurations (<see cref="Sgd"/>,
    /// <see cref="SgdMomentum"/>, <see cref="Adam"/>, <see cref="DemonSgd"/>, <see cref="Momo"/>, …) plus TorchSharp's
    /// learning-rate fields, which LR schedulers write. The group's learning rate replaces the method's
    /// <see cref="Optimizer.LearningRate"/> at every step; the method's own schedules and controller still apply on top.
    /// </summary>
    public sealed class Options : OptimizerOptions
    {
        /// <summary>Options running <paramref name="method"/> (a private copy is kept) at its learning rate.</summary>
        /// <param name="method">The method and its hyper-parameters.</param>
        public Options(Optimizer method)
        {
            Method = Check.NotNull(method).Clone();
            LearningRate = method.LearningRate;
            InitialLearningRate = method.LearningRate;
        }

        /// <summary>The group's optimizer: its configuration and, once stepped, its state and diagnostics.</summary>
        public Optimizer Method { get; internal set; }
    }

    /// <summary>
    /// A parameter group: its parameters are stepped as one flat vector by the group's own optimizer, so MoMo's step
    /// size and AutoDrop's angle are taken over the group. Implements <see cref="IMomentum"/> so that
    /// <c>OneCycleLR</c> and <c>CyclicLR</c> can cycle the method's momentum (β, β1).
    /// </summary>
    public sealed class ParamGroup : ParamGroup<Options>, IMomentum
    {
        /// <summary>A group of <paramref name="parameters"/> running <paramref name="method"/>; null takes the optimizer's defaults.</summary>
        /// <param name="parameters">The group's parameters (float32, on one device).</param>
        /// <param name="method">The group's method and hyper-parameters, or null for the optimizer's.</param>
        public ParamGroup(IEnumerable<Parameter> parameters, Optimizer? method = null)
            : base(Check.NotNull(parameters).ToList(), method is null ? null! : new Options(method))
        {
        }

        /// <inheritdoc />
        public double Momentum
        {
            get => Options.Method.BaseMomentum;
            set => MomentumOption.Set(Options.Method, value);
        }

        /// <summary>What the group's optimizer reports after its latest step (τ for MoMo, skips, AutoDrop).</summary>
        public OptimizerDiagnostics Diagnostics => Options.Method.Diagnostics;

        /// <summary>Where the group's tensors lie, for steps in place on the CPU.</summary>
        internal ParameterPieces Pieces => field ??= new ParameterPieces(Parameters);

        /// <summary>The flat copy the group is stepped over where it cannot be stepped in place, created at its first such step.</summary>
        internal FlatParameterCopy? Copy { get; set; }
    }
}
