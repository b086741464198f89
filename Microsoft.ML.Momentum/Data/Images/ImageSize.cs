namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>The height and width of an image, in pixels.</summary>
/// <param name="Height">Rows.</param>
/// <param name="Width">Columns.</param>
public readonly record struct ImageSize(int Height, int Width)
{
    /// <summary>Pixels per channel plane (<see cref="Height"/> × <see cref="Width"/>).</summary>
    public int Area => Height * Width;

    /// <summary>Throws when either side is not positive or the plane would not fit in an array.</summary>
    /// <param name="parameterName">Name reported in the exception.</param>
    public void Validate(string parameterName)
    {
        if (Height <= 0 || Width <= 0 || (long)Height * Width * 4 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(parameterName, this, $"An image size needs positive sides and must fit in memory; got {Height}x{Width}.");
        }
    }

    /// <summary>"H×W", for messages.</summary>
    public override string ToString() => $"{Height}x{Width}";
}
