using System.IO.Compression;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Reads the "task" of a model zip from its model.json without loading the weights.</summary>
internal static class ModelManifestReader
{
    /// <summary>The task; <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> (naming the file) otherwise.</summary>
    public static string ReadTask(string path)
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"'{path}' is a directory; expected a model zip written by momentum train.");
        if (!File.Exists(path)) throw new FileNotFoundException($"model file '{path}' was not found.", path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is not a model file (not a zip archive written by momentum train).");
        }
        using (zip)
        {
            var entry = zip.GetEntry("model.json") ?? throw new InvalidDataException($"'{path}' is not a model file: it lacks 'model.json'.");
            try
            {
                using var stream = entry.Open();
                using var document = JsonDocument.Parse(stream);
                return document.RootElement.TryGetProperty("task", out var task) && task.ValueKind == JsonValueKind.String
                    ? task.GetString()!
                    : throw new InvalidDataException($"'{path}': model.json lacks the field 'task'.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{path}': model.json is not valid JSON ({e.Message}).");
            }
        }
    }
}
