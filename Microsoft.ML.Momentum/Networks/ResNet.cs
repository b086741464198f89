using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// CIFAR-style ResNet ("resnet", He et al. 2016, §4.2): a 3×3 stem (conv, BN, ReLU), three stages of basic blocks
/// of widths w, 2w, 4w (stride 2 at the start of stages 2 and 3, 1×1 projection shortcuts), global average
/// pooling and a linear head; depth = 6·blocks + 2 (ResNet-20: 3 blocks per stage, width 16). Port of the native
/// zoo's <c>ResNetImpl</c>: modules "stem", "stages", "head", created in the same order.
/// </summary>
internal sealed class ResNet : ClassifierNetwork
{
    // Field order is registration order: stem, stages, head.
    private readonly Sequential stem;
    private readonly Sequential stages;
    private readonly Linear head;

    /// <summary>Builds the network.</summary>
    /// <param name="input">Image input and classes.</param>
    /// <param name="width">Width of the first stage ("base_width", default 16).</param>
    /// <param name="blocks">Blocks per stage, (depth − 2) / 6.</param>
    public ResNet(ImageInput input, long width, long blocks)
        : base(nameof(ResNet), "resnet", ModelInputKind.Dense, input.ExampleShape, checked((int)input.Classes))
    {
        stem = Sequential(Conv2d(input.Channels, width, 3, padding: 1, bias: false), BatchNorm2d(width), ReLU());
        // As in the native constructor, the head is created (and initialised) before the blocks.
        head = Linear(4 * width, input.Classes);
        var blockList = new List<Module<Tensor, Tensor>>();
        var inChannels = width;
        for (var stage = 0; stage < 3; stage++)
        {
            var outChannels = width << stage;
            for (var b = 0; b < blocks; b++)
            {
                blockList.Add(new ResNetBasicBlock(inChannels, outChannels, stage > 0 && b == 0 ? 2 : 1));
                inChannels = outChannels;
            }
        }
        stages = Sequential(blockList);
        RegisterComponents();
    }

    /// <summary>Applies the network; intermediate activations are disposed before returning.</summary>
    /// <param name="input">Float32 images [N, C, H, W].</param>
    /// <returns>Logits [N, classes].</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = stages.call(stem.call(input));
        var pooled = functional.adaptive_avg_pool2d(y, [1, 1]).flatten(1);
        return scope.MoveToOuter(head.call(pooled));
    }
}
