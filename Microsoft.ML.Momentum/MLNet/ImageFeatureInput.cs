using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Momentum;

/// <summary>
/// An image column: encoded bytes (<c>byte[]</c> / <c>VBuffer&lt;byte&gt;</c>, as <c>LoadRawImageBytes</c> makes) decoded
/// here, or an <see cref="MLImage"/> (as <c>LoadImages</c> makes) copied before its getter disposes it.
/// </summary>
internal sealed class ImageFeatureInput : FeatureInput<DecodedImage>
{
    /// <summary>
    /// The key of <see cref="Exception.Data"/> under which an unreadable image's error holds the row's position, so that
    /// a caller that knows where each row came from can name the file.
    /// </summary>
    internal const string RowPositionKey = "Microsoft.ML.Momentum.RowPosition";

    /// <summary>The one instance.</summary>
    public static ImageFeatureInput Instance { get; } = new();

    private ImageFeatureInput()
    {
    }

    /// <inheritdoc />
    public override string Role => "image";

    /// <inheritdoc />
    public override string ExpectedType => "VarVector<Byte> (encoded image bytes) or Image";

    /// <inheritdoc />
    public override bool Accepts(SchemaShape.Column column) => column.IsKey
        ? false
        : column.Kind == SchemaShape.Column.VectorKind.Scalar
            ? column.ItemType is ImageDataViewType
            : column.ItemType == NumberDataViewType.Byte;

    /// <inheritdoc />
    public override bool Accepts(DataViewType type) => type is ImageDataViewType || type is VectorDataViewType { ItemType: var item } && item == NumberDataViewType.Byte;

    /// <inheritdoc />
    public override Func<DecodedImage> CreateReader(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is ImageDataViewType)
        {
            var images = row.GetGetter<MLImage>(column);
            MLImage image = null!;
            return () =>
            {
                images(ref image);
                if (image is null) throw Unreadable(row, column, "holds no image", null);
                return MLImageConversion.ToDecoded(image);
            };
        }
        var bytes = row.GetGetter<VBuffer<byte>>(column);
        VBuffer<byte> buffer = default;
        return () =>
        {
            bytes(ref buffer);
            try
            {
                return buffer.IsDense ? ImageDecoder.Decode(buffer.GetValues()) : ImageDecoder.Decode(buffer.DenseValues().ToArray());
            }
            catch (InvalidDataException e)
            {
                throw Unreadable(row, column, e.Message, e);
            }
        };
    }

    private static InvalidDataException Unreadable(DataViewRow row, DataViewSchema.Column column, string problem, Exception? inner)
    {
        var error = new InvalidDataException($"Row {row.Position} of column '{column.Name}': {problem}", inner);
        error.Data[RowPositionKey] = row.Position;
        return error;
    }
}
