using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// The basic residual block of a CIFAR-style ResNet (He et al. 2016): conv3×3(stride) → BN → ReLU → conv3×3 → BN,
/// plus the input — through a 1×1 convolution and BN ("shortcut") when the stride or width changes — then ReLU.
/// Convolutions have no bias. Port of the native zoo's <c>BasicBlockImpl</c> (same module names and order).
/// </summary>
internal sealed class ResNetBasicBlock : Module<Tensor, Tensor>
{
    // Field order is registration order: conv1, bn1, conv2, bn2, shortcut.
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? shortcut;

    /// <summary>Builds the block.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="stride">Stride of the first convolution (and of the shortcut).</param>
    public ResNetBasicBlock(long inChannels, long outChannels, long stride)
        : base(nameof(ResNetBasicBlock))
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            shortcut = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
        }
        RegisterComponents();
    }

    /// <summary>Applies the block; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Activations [N, in, H, W].</param>
    /// <returns>Activations [N, out, H / stride, W / stride].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = functional.relu(bn1.call(conv1.call(input)));
        y = bn2.call(conv2.call(y));
        var residual = shortcut is null ? input : shortcut.call(input);
        return scope.MoveToOuter(functional.relu(y + residual));
    }
}
