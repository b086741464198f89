namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// The options every text network reads: the vocabulary (number of token ids, padding 0 and unknown included),
/// the number of classes and the embedding width. Inputs are int64 token ids [N, L], right-padded with 0.
/// </summary>
/// <param name="Vocabulary">Number of token ids ("vocabulary", required, in [2, 2^31]).</param>
/// <param name="Classes">Number of classes ("classes", default 2, in [2, 1000000]).</param>
/// <param name="Dim">Embedding width ("dim", default per architecture, in [1, 65536]).</param>
internal readonly record struct TextInput(long Vocabulary, long Classes, long Dim)
{
    /// <summary>Reads the text options, in the native zoo's order.</summary>
    /// <param name="options">The architecture's options.</param>
    /// <param name="defaultDim">The architecture's default embedding width.</param>
    /// <returns>The input description.</returns>
    /// <exception cref="ArgumentException">An option is out of range, or "vocabulary" is missing.</exception>
    public static TextInput Read(NetworkOptionReader options, long defaultDim)
    {
        var vocabulary = options.Integer("vocabulary", 0, 2, 1L << 31);
        if (vocabulary == 0)
        {
            throw new ArgumentException("text architectures need the model option 'vocabulary' (number of token ids)");
        }
        var classes = options.Integer("classes", 2, 2, 1000000);
        var dim = options.Integer("dim", defaultDim, 1, 1 << 16);
        return new TextInput(vocabulary, classes, dim);
    }
}
