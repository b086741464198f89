namespace Microsoft.ML.Momentum.Trainers;

/// <summary>The networks the image trainer can train from scratch (ML.NET's <c>Architecture</c> option).</summary>
public enum ImageClassificationArchitecture
{
    /// <summary>Two 3×3 convolutions (32 and 64 filters) with max-pooling and a 128-unit hidden layer. Fast: about 91–92% on Fashion-MNIST in 10 epochs.</summary>
    SmallCnn,

    /// <summary>CIFAR-style ResNet with batch norm (depth 6n+2, default ResNet-20 of width 16; see the options' ResNetDepth and ResNetWidth).</summary>
    ResNet,

    /// <summary>A multilayer perceptron on the flattened pixels (hidden layers from the options' MlpHiddenSizes).</summary>
    Mlp,
}
