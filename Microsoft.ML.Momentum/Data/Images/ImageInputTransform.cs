using System.Buffers;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Turns one image into a model's input at prediction time, exactly as training batches were made (without
/// augmentation): decode, convert to <see cref="Channels"/>, resize to <see cref="Size"/>, normalize. A trained
/// model keeps this record (it round-trips through JSON) so that predictions see the training preprocessing.
/// </summary>
/// <param name="Channels">1 (gray) or 3 (RGB).</param>
/// <param name="Size">The model's input size.</param>
/// <param name="Normalization">The training set's statistics.</param>
public sealed record ImageInputTransform(int Channels, ImageSize Size, ChannelNormalization Normalization)
{
    /// <summary>Floats per image (<see cref="Channels"/> × height × width).</summary>
    [JsonIgnore]
    public int InputLength => Channels * Size.Area;

    /// <summary>Writes the input for an encoded image (PNG, JPEG, BMP, GIF, ...) into <paramref name="destination"/>.</summary>
    /// <param name="encoded">The encoded file contents.</param>
    /// <param name="destination"><see cref="InputLength"/> floats.</param>
    /// <exception cref="InvalidDataException">The bytes are not a valid image.</exception>
    public void Write(ReadOnlySpan<byte> encoded, Span<float> destination) => Write(ImageDecoder.Decode(encoded), destination);

    /// <summary>Writes the input for decoded pixels into <paramref name="destination"/>.</summary>
    /// <param name="image">Pixels of any size and channel count.</param>
    /// <param name="destination"><see cref="InputLength"/> floats.</param>
    public void Write(DecodedImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Normalization.Channels != Channels) throw new InvalidOperationException($"The normalization has {Normalization.Channels} channels; the input has {Channels}.");
        if (destination.Length < InputLength) throw new ArgumentException($"The destination needs {InputLength} floats.", nameof(destination));
        var pixels = ArrayPool<byte>.Shared.Rent(InputLength);
        try
        {
            ImageConverter.ConvertInto(image.Pixels, image.Channels, image.Size, pixels, Channels, Size);
            Normalization.Apply(pixels.AsSpan(0, InputLength), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>The input for an image file.</summary>
    /// <param name="path">The image file.</param>
    /// <exception cref="InvalidDataException">The file is not a valid image; the message names it.</exception>
    public float[] ReadFile(string path)
    {
        var input = new float[InputLength];
        Write(ImageDecoder.DecodeFile(path), input);
        return input;
    }
}
