namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// The options every image network reads: input channels, height and width (inputs are float32
/// [N, channels, height, width]) and the number of classes.
/// </summary>
/// <param name="Channels">Input channels ("channels", default 1, in [1, 64]).</param>
/// <param name="Height">Input height ("height", default 28, in [1, 4096]).</param>
/// <param name="Width">Input width ("width", default 28, in [1, 4096]).</param>
/// <param name="Classes">Number of classes ("classes", default 10, in [2, 1000000]).</param>
internal readonly record struct ImageInput(long Channels, long Height, long Width, long Classes)
{
    /// <summary>Reads the image options, in the native zoo's order.</summary>
    /// <param name="options">The architecture's options.</param>
    /// <returns>The input description.</returns>
    public static ImageInput Read(NetworkOptionReader options)
    {
        var channels = options.Integer("channels", 1, 1, 64);
        var height = options.Integer("height", 28, 1, 4096);
        var width = options.Integer("width", 28, 1, 4096);
        var classes = options.Integer("classes", 10, 2, 1000000);
        return new ImageInput(channels, height, width, classes);
    }

    /// <summary>One example's shape, [C, H, W].</summary>
    public long[] ExampleShape => [Channels, Height, Width];

    /// <summary>Values per example, C·H·W.</summary>
    public long ExampleLength => Channels * Height * Width;
}
