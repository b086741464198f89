using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// The featurizer's JSON document, written and read by hand with System.Text.Json's writer and DOM (no reflection,
/// so it works under trimming and native AOT):
/// <code>
/// { "format": "Microsoft.ML.Momentum.TextFeaturizer", "formatVersion": 1,
///   "tokenizer": { "algorithmVersion": 1, "lowerCase": true, … },
///   "maxTokens": 512,
///   "nGrams": { "length": 2, "buckets": 100000, "hash": "fnv1a64-utf8-space-joined" } | null,
///   "vocabulary": { "minCount": 1, "maxSize": 100000, "reserved": [...], "words": [...], "counts": [...] },
///   "labels": { "classes": [...] } | null }
/// </code>
/// </summary>
internal static class TextFeaturizerSerializer
{
    public const string FormatName = "Microsoft.ML.Momentum.TextFeaturizer";
    public const int FormatVersion = 1;
    private const string What = "text featurizer document";

    public static string ToJson(TextFeaturizer f) => JsonDocuments.Write(w => Write(f, w));

    public static void Save(TextFeaturizer f, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(f, writer);
    }

    public static TextFeaturizer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = Utf8Source.ReadAll(stream);
        return FromJson(Encoding.UTF8.GetString(bytes));
    }

    public static TextFeaturizer FromJson(string json)
    {
        using JsonDocument doc = JsonDocuments.Parse(json, What);
        JsonElement root = doc.RootElement;
        string format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out JsonElement f) && f.ValueKind == JsonValueKind.String
            ? f.GetString()! : "(none)";
        if (format != FormatName)
        {
            throw new InvalidDataException($"This is not a {What}: its 'format' is '{format}', expected '{FormatName}'.");
        }

        JsonDocuments.CheckVersion(root, "formatVersion", FormatVersion, What);

        JsonElement t = JsonDocuments.Get(root, "tokenizer", What);
        int algorithm = JsonDocuments.GetInt(t, "algorithmVersion", "tokenizer settings");
        if (algorithm != TextTokenizer.AlgorithmVersion)
        {
            throw new InvalidDataException(
                $"The model was saved with tokenizer rules version {algorithm}; this library implements version {TextTokenizer.AlgorithmVersion}. " +
                "Texts would be tokenized differently from training; use the library version the model was trained with.");
        }

        var tokenizerOptions = new TextTokenizerOptions
        {
            LowerCase = JsonDocuments.GetBool(t, "lowerCase", "tokenizer settings"),
            StripHtml = JsonDocuments.GetBool(t, "stripHtml", "tokenizer settings"),
            KeepPunctuation = JsonDocuments.GetBool(t, "keepPunctuation", "tokenizer settings"),
            NormalizeUnicode = JsonDocuments.GetBool(t, "normalizeUnicode", "tokenizer settings"),
            SplitCjkCharacters = JsonDocuments.GetBool(t, "splitCjkCharacters", "tokenizer settings"),
            MaxTokenLength = JsonDocuments.GetInt(t, "maxTokenLength", "tokenizer settings"),
        };

        NGramHasher? nGrams = null;
        JsonElement n = JsonDocuments.Get(root, "nGrams", What);
        if (n.ValueKind != JsonValueKind.Null)
        {
            string hash = JsonDocuments.GetString(n, "hash", "n-gram settings");
            if (hash != NGramHasher.HashScheme)
            {
                throw new InvalidDataException($"The model's n-grams use the hash '{hash}'; this library implements '{NGramHasher.HashScheme}'.");
            }

            nGrams = new NGramHasher(JsonDocuments.GetInt(n, "length", "n-gram settings"), JsonDocuments.GetInt(n, "buckets", "n-gram settings"));
        }

        Vocabulary vocabulary = Vocabulary.Read(JsonDocuments.Get(root, "vocabulary", What));
        JsonElement labels = JsonDocuments.Get(root, "labels", What);
        LabelMap? labelMap = labels.ValueKind == JsonValueKind.Null ? null : LabelMap.ReadClasses(labels, "label map");
        return new TextFeaturizer(new TextTokenizer(tokenizerOptions), vocabulary, nGrams, labelMap,
            JsonDocuments.GetInt(root, "maxTokens", What));
    }

    private static void Write(TextFeaturizer f, Utf8JsonWriter w)
    {
        TextTokenizerOptions t = f.Tokenizer.Options;
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteNumber("formatVersion", FormatVersion);

        w.WriteStartObject("tokenizer");
        w.WriteNumber("algorithmVersion", TextTokenizer.AlgorithmVersion);
        w.WriteBoolean("lowerCase", t.LowerCase);
        w.WriteBoolean("stripHtml", t.StripHtml);
        w.WriteBoolean("keepPunctuation", t.KeepPunctuation);
        w.WriteBoolean("normalizeUnicode", t.NormalizeUnicode);
        w.WriteBoolean("splitCjkCharacters", t.SplitCjkCharacters);
        w.WriteNumber("maxTokenLength", t.MaxTokenLength);
        w.WriteEndObject();

        w.WriteNumber("maxTokens", f.MaxTokens);
        if (f.NGrams is null)
        {
            w.WriteNull("nGrams");
        }
        else
        {
            w.WriteStartObject("nGrams");
            w.WriteNumber("length", f.NGrams.NGramLength);
            w.WriteNumber("buckets", f.NGrams.BucketCount);
            w.WriteString("hash", NGramHasher.HashScheme);
            w.WriteEndObject();
        }

        w.WritePropertyName("vocabulary");
        f.Vocabulary.Write(w);

        if (f.LabelMap is null)
        {
            w.WriteNull("labels");
        }
        else
        {
            w.WriteStartObject("labels");
            f.LabelMap.WriteClasses(w);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.Flush();
    }
}
