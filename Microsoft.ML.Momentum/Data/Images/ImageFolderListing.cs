namespace Microsoft.ML.Momentum.Data.Images;

/// <summary>The files and labels of a class-folder tree, in load order (see <see cref="ImageFolderLoader"/>).</summary>
internal sealed record ImageFolderListing(IReadOnlyList<string> ClassNames, IReadOnlyList<string> Files, IReadOnlyList<int> Labels)
{
    public static ImageFolderListing Scan(string root, ImageFolderOptions options)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The image folder '{root}' does not exist.");
        var extensions = new HashSet<string>(options.FileExtensions, StringComparer.OrdinalIgnoreCase);
        var folders = new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !IsHidden(d.Name))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

        var classNames = options.ClassNames ?? folders.Select(d => d.Name).ToArray();
        var labelOf = classNames.Select((name, label) => (name, label)).ToDictionary(p => p.name, p => p.label, StringComparer.Ordinal);
        if (options.ClassNames is null && folders.Count < 2)
        {
            throw new InvalidDataException(
                $"The image folder '{root}' has {folders.Count} class folder{(folders.Count == 1 ? $" ('{folders[0].Name}')" : "s")}; " +
                "classification needs one sub-folder per class and at least two classes.");
        }

        var perFolder = folders.Select(folder => (Folder: folder, Images: ImagesIn(folder, extensions))).ToList();
        if (perFolder.Sum(f => f.Images.Count) == 0)
        {
            throw new InvalidDataException($"The image folder '{root}' holds no images with the extensions {string.Join(", ", options.FileExtensions)} in its class folders.");
        }
        var files = new List<string>();
        var labels = new List<int>();
        foreach (var (folder, images) in perFolder)
        {
            if (!labelOf.TryGetValue(folder.Name, out var label))
            {
                throw new InvalidDataException(
                    $"The class folder '{folder.FullName}' is not one of the {classNames.Count} given class names ({string.Join(", ", classNames.Select(n => $"'{n}'"))}).");
            }
            if (images.Count == 0 && options.ClassNames is null)
            {
                throw new InvalidDataException(
                    $"The class folder '{folder.FullName}' holds no images with the extensions {string.Join(", ", options.FileExtensions)}; remove it or add images.");
            }
            files.AddRange(images);
            labels.AddRange(Enumerable.Repeat(label, images.Count));
        }
        return new ImageFolderListing(classNames, files, labels);
    }

    private static List<string> ImagesIn(DirectoryInfo folder, HashSet<string> extensions)
    {
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.System };
        return folder.EnumerateFiles("*", enumeration)
            .Where(f => extensions.Contains(f.Extension) && !HasHiddenPart(Path.GetRelativePath(folder.FullName, f.FullName)))
            .Select(f => (Relative: Path.GetRelativePath(folder.FullName, f.FullName), f.FullName))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => f.FullName)
            .ToList();
    }

    private static bool IsHidden(string name) => name.StartsWith('.');

    private static bool HasHiddenPart(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(IsHidden);
}
