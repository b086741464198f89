namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Encoded images held in memory.</summary>
internal sealed class EncodedMemorySourceList(IReadOnlyList<EncodedImageExample> examples) : EncodedImageSourceList
{
    public override int Count => examples.Count;

    public override int Label(int index) => examples[index].Label;

    public override string Describe(int index) => $"example #{index}";

    protected override EncodedBytes Read(int index) => new(examples[index].Encoded, null);
}

/// <summary>Decoded images held in memory; only converted and resized.</summary>
internal sealed class DecodedMemorySourceList(IReadOnlyList<DecodedImageExample> examples) : ImageSourceList
{
    public override int Count => examples.Count;

    public override int Label(int index) => examples[index].Label;

    public override string Describe(int index) => $"example #{index}";

    public override ImageInfo ReadInfo(int index)
    {
        var image = examples[index].Image;
        return new ImageInfo(image.Width, image.Height, image.Channels);
    }

    public override ImageInfo DecodeInto(int index, Span<byte> destination, int channels, ImageSize size, ImageResizer resizer)
    {
        var image = examples[index].Image;
        ImageConverter.ConvertInto(image.Pixels, image.Channels, image.Size, destination, channels, size, resizer);
        return ReadInfo(index);
    }
}
