using Microsoft.ML.Momentum.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

/// <summary>
/// A small MLP regression in plain TorchSharp (5 → 16 → 1, tanh, MSE, fixed data): the model a TorchSharp user's
/// loop would step, and a reference loop that steps the same model through the flat-vector optimizer directly.
/// </summary>
internal sealed class Regression : IDisposable
{
    private readonly Tensor _x;
    private readonly Tensor _y;

    /// <summary>The same weights and data for the same <paramref name="seed"/>; <paramref name="noise"/> keeps the loss above 0.</summary>
    public Regression(int seed = 3, double noise = 0.1)
    {
        torch.manual_seed(seed);
        Model = nn.Sequential(("fc1", nn.Linear(5, 16)), ("act", nn.Tanh()), ("fc2", nn.Linear(16, 1)));
        _x = torch.randn(64, 5).DetachFromDisposeScope();
        _y = (_x.sum(1, keepdim: true).sin() + noise * torch.randn(64, 1)).DetachFromDisposeScope();
    }

    public Sequential Model { get; }

    public IEnumerable<Parameter> Parameters => Model.parameters();

    /// <summary>zero_grad, forward, MSE, backward; returns the loss (the closure of a TorchSharp loop).</summary>
    public Tensor LossAndGradients()
    {
        foreach (var p in Model.parameters())
        {
            using var g = p.grad;
            g?.zero_();
        }
        var loss = nn.functional.mse_loss(Model.call(_x), _y);
        loss.backward();
        return loss;
    }

    /// <summary>All parameters as one flat array.</summary>
    public float[] Flat()
    {
        using var scope = NewDisposeScope();
        return [.. Model.parameters().SelectMany(p => p.detach().cpu().reshape(-1).data<float>().ToArray())];
    }

    /// <summary>One reference step: the gradients and parameters gathered by hand, the flat optimizer, and back.</summary>
    public double ReferenceStep(Optimizer optimizer)
    {
        using var scope = NewDisposeScope();
        var loss = LossAndGradients().item<float>();
        var x = Flat();
        float[] g = [.. Model.parameters().SelectMany(p => p.grad!.reshape(-1).data<float>().ToArray())];
        optimizer.Step(x, g, loss);
        Assign(x);
        return loss;
    }

    /// <summary>Overwrites the parameters with <paramref name="values"/> (the layout of <see cref="Flat"/>).</summary>
    public void Assign(float[] values)
    {
        using var scope = NewDisposeScope();
        long offset = 0;
        using (no_grad())
        {
            foreach (var p in Model.parameters())
            {
                p.copy_(torch.tensor(values[(int)offset..(int)(offset + p.numel())]).view(p.shape));
                offset += p.numel();
            }
        }
    }

    public void Dispose()
    {
        Model.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    /// <summary>Largest |a − b| / max(1, |b|).</summary>
    public static double MaxRelativeDifference(float[] a, float[] b)
        => a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second) / Math.Max(1.0, Math.Abs((double)p.Second)));
}
