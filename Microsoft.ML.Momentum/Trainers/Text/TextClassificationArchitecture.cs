namespace Microsoft.ML.Momentum.Trainers;

/// <summary>The networks the text trainer can train from scratch (the options' <c>Architecture</c>).</summary>
public enum TextClassificationArchitecture
{
    /// <summary>
    /// fastText-style bag: the mean of the word and hashed word n-gram embeddings, then a linear layer. Fast
    /// (seconds per epoch on IMDB) and strong on topic and sentiment tasks; the only architecture that uses n-grams.
    /// </summary>
    EmbeddingBag,

    /// <summary>TextCNN (Kim 2014): word embeddings, one convolution per window width, max over time, dropout, linear.</summary>
    TextCnn,

    /// <summary>A small Transformer encoder with learned positions (up to MaxTokens) and mean pooling over the real tokens.</summary>
    Transformer,
}
