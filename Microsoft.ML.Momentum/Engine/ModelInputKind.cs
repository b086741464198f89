namespace Microsoft.ML.Momentum.Engine;

/// <summary>What a network consumes.</summary>
internal enum ModelInputKind
{
    /// <summary>Float inputs of a fixed example shape, e.g. images [N, C, H, W].</summary>
    Dense = 0,
    /// <summary>int64 token ids [N, L], right-padded with 0 (the padding id).</summary>
    Tokens = 1,
}
