namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>
/// Loads an image classification set from a folder with one sub-folder per class:
/// <c>root/&lt;class name&gt;/**/&lt;image&gt;</c>. Class names are the folder names exactly (spaces and Unicode
/// kept); labels follow the class folders sorted ordinally, and images are ordered by their path relative to
/// the class folder, sorted ordinally, so a load is deterministic. Images in nested folders belong to their
/// top-level class folder. Names starting with '.' (hidden files, macOS "._" files) are ignored, and so are
/// files directly under the root.
/// </summary>
public static class ImageFolderLoader
{
    /// <summary>Loads and decodes every image under <paramref name="root"/>, in parallel.</summary>
    /// <param name="root">The folder holding the class folders.</param>
    /// <param name="options">Size, color mode, extensions, class names, error handling; defaults when null.</param>
    /// <param name="cancellation">Stops the load.</param>
    /// <returns>The images, their file paths and a load report.</returns>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// Fewer than two class folders, an empty class folder, no images, a folder outside
    /// <see cref="ImageFolderOptions.ClassNames"/>, or an invalid image (unless skipped); the message names the path.
    /// </exception>
    public static ImageLoadResult Load(string root, ImageFolderOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        options ??= new ImageFolderOptions();
        options.Validate();
        var listing = ImageFolderListing.Scan(root, options);
        var sources = new FileImageSourceList(listing.Files, listing.Labels);
        return ImageSetBuilder.Build(sources, listing.ClassNames, options, cancellation);
    }
}
