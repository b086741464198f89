namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>Options of <see cref="ImageFolderLoader"/>: a folder holding one sub-folder of images per class.</summary>
public sealed class ImageFolderOptions : ImageLoadOptions
{
    /// <summary>The extensions loaded by default: .png, .jpg, .jpeg, .bmp, .gif.</summary>
    public static IReadOnlyList<string> DefaultFileExtensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    /// <summary>File extensions to load (with the dot, compared case-insensitively); other files are ignored.</summary>
    public IReadOnlyCollection<string> FileExtensions { get; set; } = DefaultFileExtensions;

    /// <summary>
    /// The class names, by label. Null (the default): the class folders' names, sorted ordinally, and at least
    /// two non-empty class folders are required. Set it to load a validation or test folder with the
    /// training set's labels: every class folder must then be one of these names, and a class may be missing
    /// or empty.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentNullException.ThrowIfNull(FileExtensions, nameof(FileExtensions));
        if (FileExtensions.Count == 0) throw new ArgumentException("At least one file extension is needed.", nameof(FileExtensions));
        foreach (var extension in FileExtensions)
        {
            if (string.IsNullOrEmpty(extension) || extension[0] != '.') throw new ArgumentException($"File extension '{extension}' must start with a dot, e.g. \".png\".", nameof(FileExtensions));
        }
        if (ClassNames is not null)
        {
            if (ClassNames.Count == 0) throw new ArgumentException("ClassNames must not be empty.", nameof(ClassNames));
            var duplicate = ClassNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ArgumentException($"Class name '{duplicate.Key}' appears more than once.", nameof(ClassNames));
        }
    }
}
