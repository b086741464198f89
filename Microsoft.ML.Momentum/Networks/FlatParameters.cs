using Microsoft.ML.Momentum.Engine;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// Re-points every trainable parameter of a module at a view of one contiguous float32 tensor and its gradient at
/// a view of another, so that backward accumulates into one flat gradient buffer in place and an optimizer can
/// update all parameters as one vector. The views keep their storage for the module's life; call again after
/// moving the module to another device.
/// </summary>
internal static class FlatParameters
{
    /// <summary>Flattens <paramref name="module"/>'s parameters (on <paramref name="device"/>) and returns the two buffers.</summary>
    public static (FlatVector Parameters, FlatVector Gradients) Flatten(nn.Module module, ComputeDevice device)
    {
        var parameters = module.parameters().ToList();
        var total = parameters.Sum(p => p.numel());
        var flat = empty(total, ScalarType.Float32, device.ToTorch()).DetachFromDisposeScope();
        var gradients = zeros(total, ScalarType.Float32, device.ToTorch()).DetachFromDisposeScope();
        using (no_grad())
        {
            long offset = 0;
            foreach (var parameter in parameters)
            {
                var count = parameter.numel();
                using (var slice = flat.narrow(0, offset, count))
                using (var value = slice.view(parameter.shape))
                {
                    value.copy_(parameter);
                    parameter.set_(value);
                }
                using (var slice = gradients.narrow(0, offset, count))
                using (var view = slice.view(parameter.shape))
                {
                    parameter.grad = view;
                }
                offset += count;
            }
        }
        return (new FlatVector(flat, device), new FlatVector(gradients, device));
    }
}
