using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.IO;
using Microsoft.ML.Momentum.Networks;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// The on-disk form of a trained model: one zip holding <c>model.json</c> (format version, task, network
/// spec, class names and the task's preprocessing), <c>weights.bin</c>, and the task's attachments (text
/// entries such as a text model's <c>featurizer.json</c>, listed in <c>model.json</c>) and <c>checksums.json</c>
/// (<see cref="ZipChecksums"/>, verified on load). Written through <see cref="AtomicFile"/>, so an existing model
/// file is never left half-written.
/// </summary>
internal static class ModelArchive
{
    /// <summary>2: TorchSharp engine, weights in <see cref="Networks.WeightsFile"/>'s format. 1: the retired libtorch 1.13 engine.</summary>
    public const int FormatVersion = 2;
    private const string ManifestEntry = "model.json";
    private const string WeightsEntry = "weights.bin";

    /// <summary>What a model zip describes besides its weights; <paramref name="Attachments"/> are extra UTF-8 entries by name.</summary>
    public sealed record Manifest(string Task, NetworkSpec Network, IReadOnlyList<string> ClassNames, JsonObject Preprocessing, JsonObject? Training,
        IReadOnlyDictionary<string, string>? Attachments = null);

    public static void Save(string path, Manifest manifest, TorchModel model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var name in manifest.Attachments?.Keys ?? [])
        {
            if (name is ManifestEntry or WeightsEntry or ZipChecksums.EntryName || string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"'{name}' cannot name an attachment.", nameof(manifest));
        }
        ZipChecksums.WriteArchive(path, entries =>
        {
            entries.Add(ManifestEntry, stream =>
            {
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                ToJson(manifest).WriteTo(writer);
            });
            entries.Add(WeightsEntry, model.Save);
            foreach (var (name, text) in manifest.Attachments ?? new Dictionary<string, string>())
            {
                entries.Add(name, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
            }
        });
    }

    /// <summary>Reads a model zip written for <paramref name="expectedTask"/>; the caller owns the returned model.</summary>
    public static (Manifest Manifest, TorchModel Model) Load(string path, string expectedTask, ComputeDevice? device)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        Manifest manifest;
        string[] attachmentNames;
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
            ZipChecksums.Verify(zip, path);
            var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"'{path}' is not a model file: it lacks '{ManifestEntry}'.");
            (manifest, attachmentNames) = FromJson(ParseManifest(entry, path), path);
            if (manifest.Task != expectedTask)
            {
                throw new InvalidDataException($"'{path}' holds a {manifest.Task} model; expected a {expectedTask} model.");
            }
            manifest = manifest with { Attachments = ReadAttachments(zip, attachmentNames, path) };
            TorchModel model;
            try
            {
                model = TorchModel.Create(manifest.Network, device);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"'{path}': {ManifestEntry} describes a network that cannot be built ({e.Message}).", e);
            }
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
        ["attachments"] = new JsonArray((manifest.Attachments?.Keys ?? []).Select(n => (JsonNode?)n).ToArray()),
    };

    private static Dictionary<string, string> ReadAttachments(ZipArchive zip, IEnumerable<string> names, string path)
    {
        var attachments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"'{path}' lacks '{name}', which {ManifestEntry} lists.");
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            attachments[name] = reader.ReadToEnd();
        }
        return attachments;
    }

    private static (Manifest Manifest, string[] AttachmentNames) FromJson(JsonObject json, string path)
    {
        try
        {
            var version = json["formatVersion"]?.GetValue<int>();
            if (version == 1)
            {
                throw new InvalidDataException($"'{path}' has model format version 1, written by the retired libtorch 1.13 engine; this library reads version {FormatVersion} " +
                    "(TorchSharp engine) and cannot map those weights. Retrain the model with this version.");
            }
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"'{path}' has model format version {version?.ToString() ?? "(none)"}; this library reads version {FormatVersion}.");
            }
            var network = Required(json, "network", path).AsObject();
            var options = Required(network, "options", path).AsObject().ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");
            var manifest = new Manifest(
                Required(json, "task", path).GetValue<string>(),
                new NetworkSpec(Required(network, "architecture", path).GetValue<string>(), options),
                Required(json, "classNames", path).AsArray().Select(n => n?.GetValue<string>() ?? "").ToArray(),
                Required(json, "preprocessing", path).AsObject().DeepClone().AsObject(),
                json["training"]?.DeepClone().AsObject());
            return (manifest, (json["attachments"]?.AsArray() ?? []).Select(n => n?.GetValue<string>() ?? "").ToArray());
        }
        // ArgumentException: a key given twice, which JsonObject reports on first access.
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}': {ManifestEntry} is malformed ({e.Message}).", e);
        }
    }

    private static JsonObject ParseManifest(ZipArchiveEntry entry, string path)
    {
        try
        {
            using var stream = entry.Open();
            return JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"'{path}': {ManifestEntry} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': {ManifestEntry} is not valid JSON ({e.Message}).", e);
        }
    }

    private static JsonNode Required(JsonObject json, string name, string path) =>
        json[name] ?? throw new InvalidDataException($"'{path}': {ManifestEntry} lacks the field '{name}'.");
}
