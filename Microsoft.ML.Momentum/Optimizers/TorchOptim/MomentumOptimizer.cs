using Microsoft.ML.Momentum.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

/// <summary>
/// The library's optimizers (Demon, MoMo, MoMo-Adam, SGD-momentum, Adam, with their schedules and AutoDrop) as a
/// TorchSharp <c>torch.optim</c> optimizer: <c>zero_grad</c>, <c>step()</c>, <c>step(closure)</c>, parameter groups
/// with their own options, <c>state_dict</c> and TorchSharp's <c>save_state_dict</c>/<c>load_state_dict</c>, and
/// LR schedulers, which set each group's learning rate. Each group is stepped by its own flat-vector optimizer as
/// one vector: for contiguous CPU float32 tensors the fused CPU kernels run over the tensors' own memory (no copy);
/// otherwise the group is gathered into one flat float32 vector on its device, stepped with tensor operations there
/// and copied back. Parameters whose gradient is undefined are skipped, as in <c>torch.optim</c>. Create one with
/// <see cref="MomentumOptim"/>.
/// </summary>
public sealed partial class MomentumOptimizer : OptimizerHelper, optim.IMomentum
{
    /// <summary>An optimizer over <paramref name="groups"/>; groups without options take <paramref name="defaults"/>.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="defaults">The method and hyper-parameters of groups that give none.</param>
    public MomentumOptimizer(IEnumerable<ParamGroup> groups, Optimizer defaults)
    {
        _defaults = new Options(defaults);
        _parameter_groups = [];
        foreach (var group in Check.NotNull(groups)) add_param_group(group);
        if (_parameter_groups.Count == 0) throw new ArgumentException("The optimizer needs at least one parameter group.", nameof(groups));
    }

    /// <summary>The parameter groups, with their options and diagnostics.</summary>
    public IReadOnlyList<ParamGroup> Groups => [.. _parameter_groups.Cast<ParamGroup>()];

    /// <summary>
    /// The first group's momentum (β, β1); setting it sets every group's. TorchSharp's <c>OneCycleLR</c> and
    /// <c>CyclicLR</c> require it of the optimizer before they cycle each group's.
    /// </summary>
    public double Momentum
    {
        get => Groups[0].Momentum;
        set
        {
            foreach (var group in Groups) group.Momentum = value;
        }
    }

    /// <summary>Whether <c>step</c> needs the loss (some group runs MoMo or MoMo-Adam).</summary>
    public bool RequiresLoss => Groups.Any(g => g.Options.Method.RequiresLoss);

    /// <summary>Adds a group; without options it takes a copy of the defaults.</summary>
    /// <param name="param_group">A <see cref="ParamGroup"/>.</param>
    public override void add_param_group(TorchSharp.Modules.ParamGroup param_group)
    {
        if (param_group is not ParamGroup group) throw new ArgumentException($"Pass a {nameof(MomentumOptimizer)}.{nameof(ParamGroup)}.", nameof(param_group));
        group.Options ??= new Options(((Options)_defaults).Method);
        group.Options.LearningRate ??= group.Options.Method.LearningRate;
        group.InitialLearningRate = group.LearningRate;
        var owner = true;
        foreach (var p in group.Parameters)
        {
            _state[p.Handle] = new GroupState(p, group, owner);
            owner = false;
        }
        base.add_param_group(group);
    }

    /// <summary>One step of every group for methods that ignore the loss; MoMo needs <see cref="step(double)"/> or a closure.</summary>
    /// <param name="closure">Re-evaluates the model, calls <c>backward</c> and returns the loss; its loss feeds MoMo.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (closure is null)
        {
            RequireNoLoss();
            StepAll(0.0);
            return null!;
        }
        Tensor loss;
        using (enable_grad()) loss = closure();
        StepAll(LossValue(loss));
        return loss;
    }

    /// <summary>One step of every group with the minibatch loss (required by MoMo and MoMo-Adam, ignored by the others).</summary>
    /// <param name="loss">The unscaled loss of the minibatch whose gradients were just computed, without the L2 term.</param>
    public void step(double loss) => StepAll(loss);

    /// <summary>Tells every group's optimizer the run's length (Demon and horizon-based schedules need it).</summary>
    /// <param name="totalSteps">Total optimizer steps of the run.</param>
    /// <param name="stepsPerEpoch">Optimizer steps per epoch.</param>
    public void SetHorizon(long totalSteps, long stepsPerEpoch)
    {
        var horizon = new TrainingHorizon(totalSteps, stepsPerEpoch);
        foreach (var group in Groups) group.Options.Method.SetHorizon(horizon);
    }

    /// <summary>Ends an epoch for every group's optimizer (epoch-unit schedules, per-epoch controllers).</summary>
    /// <param name="validationMetric">The epoch's validation metric, for reduce-on-plateau.</param>
    public void EndEpoch(double? validationMetric = null)
    {
        foreach (var group in Groups) group.Options.Method.EndEpoch(validationMetric);
    }

    /// <summary>Releases the flat copies and the optimizers' state; a later step throws <see cref="ObjectDisposedException"/>.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            foreach (var group in Groups)
            {
                group.Copy?.Dispose();
                group.Copy = null;
                group.Options.Method.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private bool _disposed;

    private void StepAll(double loss)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _step<ParamGroup>(group => StepGroup(group, loss), null);
    }

    /// <summary>
    /// One step of a group: in place over the tensors' memory when they are contiguous CPU float32 tensors, else over
    /// a flat copy on their device. Parameters without a gradient are left out; a group with none is not stepped.
    /// </summary>
    private static void StepGroup(ParamGroup group, double loss)
    {
        var method = group.Options.Method;
        method.LearningRate = group.LearningRate;
        if (group.Pieces.Locate(withGradients: true) is { } inPlace)
        {
            if (inPlace.Parameters.Layout.Count > 0) method.Step(inPlace.Parameters, inPlace.Gradients!, loss);
            return;
        }
        var copy = group.Copy ??= new FlatParameterCopy(group.Parameters, withGradients: true);
        copy.GatherValues();
        if (!copy.GatherGradients()) return;
        if (copy.Device.IsCpu && copy.Values.Length <= int.MaxValue) method.Step(copy.Values.AsSpan(), copy.Gradients!.AsSpan(), loss);
        else method.Step(copy.Values, copy.Gradients!, loss);
        if (!method.Diagnostics.LastStepSkipped) copy.ScatterValues();
    }

    private void RequireNoLoss()
    {
        var needy = Groups.Select((g, i) => (Method: g.Options.Method, Index: i)).FirstOrDefault(m => m.Method.RequiresLoss);
        if (needy.Method is { } method)
        {
            throw new InvalidOperationException(
                $"{nameof(MomentumOptimizer)}.step() got no loss, but parameter group {needy.Index} runs {method.GetType().Name} ('{method.Name}'), which needs the minibatch loss: " +
                "call step(loss.item<float>()) with the loss whose backward() produced the gradients, or step(closure) with a closure that computes and returns it.");
        }
    }

    private static double LossValue(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss, "closure's result");
        using var detached = loss.detach();
        using var value = detached.to_type(ScalarType.Float64);
        return value.item<double>();
    }
}
