using System.Runtime.CompilerServices;
using Microsoft.ML.Momentum.Data.Datasets;

namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Writes images of a <see cref="LabeledImages"/> into a float batch: augmentation and normalization in one pass.</summary>
internal sealed class BatchFiller(LabeledImages data, ChannelNormalization normalization, ImageAugmentation? augmentation, long seed)
{
    private readonly ImageAugmentation? _augmentation = augmentation is { IsActive: true } ? augmentation : null;

    /// <summary>Fills <paramref name="batch"/> with the images <paramref name="order"/>[start .. start + count).</summary>
    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(ImageBatch batch, ReadOnlySpan<int> order, int start, int count, int epoch, int index, int firstPosition)
    {
        var length = data.ImageLength;
        for (var i = 0; i < count; i++)
        {
            var example = order[start + i];
            var source = data.Pixels.AsSpan(example * length, length);
            var target = batch.Inputs.AsSpan(i * length, length);
            if (_augmentation is null)
            {
                normalization.Apply(source, target);
            }
            else
            {
                var random = new AugmentationRandom(seed, epoch, firstPosition + start + i);
                Augment(source, target, _augmentation, ref random);
            }
            batch.Labels[i] = data.Labels[example];
        }
        batch.Count = count;
        batch.Epoch = epoch;
        batch.Index = index;
    }

    // Hot loop: optimized from the first call instead of after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Augment(ReadOnlySpan<byte> source, Span<float> target, ImageAugmentation augmentation, ref AugmentationRandom random)
    {
        int height = data.Height, width = data.Width, plane = height * width, padding = augmentation.CropPadding;
        // Offsets of the crop window inside the padded image, minus the padding: source = output + shift.
        var shiftY = padding > 0 ? random.Next(2 * padding + 1) - padding : 0;
        var shiftX = padding > 0 ? random.Next(2 * padding + 1) - padding : 0;
        var flip = augmentation.HorizontalFlip && random.NextBool();
        for (var c = 0; c < data.Channels; c++)
        {
            var table = normalization.ChannelTable(c);
            var black = table[0];
            var channel = source.Slice(c * plane, plane);
            for (var y = 0; y < height; y++)
            {
                var output = target.Slice(c * plane + y * width, width);
                var sy = y + shiftY;
                if ((uint)sy >= (uint)height)
                {
                    output.Fill(black);
                    continue;
                }
                var row = channel.Slice(sy * width, width);
                for (var x = 0; x < width; x++)
                {
                    var sx = (flip ? width - 1 - x : x) + shiftX;
                    output[x] = (uint)sx < (uint)width ? table[row[sx]] : black;
                }
            }
        }
    }
}
