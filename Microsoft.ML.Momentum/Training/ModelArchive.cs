using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// The on-disk form of a trained model: one zip holding <c>model.json</c> (format version, task, network
/// spec, class names and the task's preprocessing) and <c>weights.pt</c>. Written to a temporary file and
/// renamed, so an existing model file is never left half-written.
/// </summary>
internal static class ModelArchive
{
    public const int FormatVersion = 1;
    private const string ManifestEntry = "model.json";
    private const string WeightsEntry = "weights.pt";

    /// <summary>What a model zip describes besides its weights.</summary>
    public sealed record Manifest(string Task, NetworkSpec Network, IReadOnlyList<string> ClassNames, JsonObject Preprocessing, JsonObject? Training);

    public static void Save(string path, Manifest manifest, NativeModel model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var weights = temporary + ".weights";
        try
        {
            model.Save(weights);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                using (var stream = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    ToJson(manifest).WriteTo(writer);
                }
                zip.CreateEntryFromFile(weights, WeightsEntry, CompressionLevel.Optimal);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(weights);
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a model zip written for <paramref name="expectedTask"/>; the caller owns the returned model.</summary>
    public static (Manifest Manifest, NativeModel Model) Load(string path, string expectedTask, ComputeDevice? device)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        Manifest manifest;
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is not a model file (not a zip archive): {e.Message}", e);
        }
        using (zip)
        {
            var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"'{path}' is not a model file: it lacks '{ManifestEntry}'.");
            using (var stream = entry.Open())
            {
                manifest = FromJson(JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"'{path}': {ManifestEntry} is not a JSON object."), path);
            }
            if (manifest.Task != expectedTask)
            {
                throw new InvalidDataException($"'{path}' holds a {manifest.Task} model; expected a {expectedTask} model.");
            }
            var model = NativeModel.Create(manifest.Network, device);
            var weights = Path.GetTempFileName();
            try
            {
                (zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException($"'{path}' lacks '{WeightsEntry}'.")).ExtractToFile(weights, overwrite: true);
                model.Load(weights);
            }
            catch
            {
                model.Dispose();
                throw;
            }
            finally
            {
                File.Delete(weights);
            }
            model.IsTraining = false;
            return (manifest, model);
        }
    }

    private static JsonObject ToJson(Manifest manifest) => new()
    {
        ["formatVersion"] = FormatVersion,
        ["task"] = manifest.Task,
        ["network"] = new JsonObject
        {
            ["architecture"] = manifest.Network.Architecture,
            ["options"] = new JsonObject(manifest.Network.Options.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        },
        ["classNames"] = new JsonArray(manifest.ClassNames.Select(n => (JsonNode?)n).ToArray()),
        ["preprocessing"] = manifest.Preprocessing.DeepClone(),
        ["training"] = manifest.Training?.DeepClone(),
    };

    private static Manifest FromJson(JsonObject json, string path)
    {
        try
        {
            var version = json["formatVersion"]?.GetValue<int>();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"'{path}' has model format version {version?.ToString() ?? "(none)"}; this library reads version {FormatVersion}.");
            }
            var network = Required(json, "network", path).AsObject();
            var options = Required(network, "options", path).AsObject().ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");
            return new Manifest(
                Required(json, "task", path).GetValue<string>(),
                new NetworkSpec(Required(network, "architecture", path).GetValue<string>(), options),
                Required(json, "classNames", path).AsArray().Select(n => n?.GetValue<string>() ?? "").ToArray(),
                Required(json, "preprocessing", path).AsObject().DeepClone().AsObject(),
                json["training"]?.DeepClone().AsObject());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{path}': {ManifestEntry} is malformed ({e.Message}).", e);
        }
    }

    private static JsonNode Required(JsonObject json, string name, string path) =>
        json[name] ?? throw new InvalidDataException($"'{path}': {ManifestEntry} lacks the field '{name}'.");
}
