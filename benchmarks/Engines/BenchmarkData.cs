using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Momentum.Benchmarks.Engines;

/// <summary>
/// The first <see cref="Count"/> Fashion-MNIST training images (kept as bytes) and their labels, read straight from
/// the gzip IDX files. Batches are consecutive images, normalised as (pixel / 255 − 0.2860) / 0.3530.
/// </summary>
internal sealed class ImageSlice
{
    public const int Pixels = 28 * 28;
    private const float Mean = 0.2860f, Std = 0.3530f;

    private readonly byte[] _pixels;
    private readonly long[] _labels;

    private ImageSlice(byte[] pixels, long[] labels)
    {
        _pixels = pixels;
        _labels = labels;
    }

    public int Count => _labels.Length;

    public static ImageSlice Load(string directory, int count)
    {
        var images = ReadIdx(Path.Combine(directory, "train-images-idx3-ubyte.gz"), count, Pixels);
        var labels = ReadIdx(Path.Combine(directory, "train-labels-idx1-ubyte.gz"), count, 1);
        return new ImageSlice(images, labels.Select(b => (long)b).ToArray());
    }

    /// <summary>Writes batch <paramref name="index"/> (wrapping around the slice) into the buffers.</summary>
    public void Fill(int index, int batch, float[] inputs, long[] labels)
    {
        var batches = Count / batch;
        var first = index % batches * batch;
        for (var i = 0; i < batch * Pixels; i++) inputs[i] = (_pixels[first * Pixels + i] / 255f - Mean) / Std;
        Array.Copy(_labels, first, labels, 0, batch);
    }

    private static byte[] ReadIdx(string path, int count, int itemSize)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        var dims = magic[3];
        Span<byte> sizes = stackalloc byte[4 * dims];
        stream.ReadExactly(sizes);
        var available = BinaryPrimitives.ReadInt32BigEndian(sizes);
        if (count > available) throw new ArgumentException($"{path} holds {available} items, fewer than {count}.");
        var data = new byte[count * itemSize];
        stream.ReadExactly(data);
        return data;
    }
}

/// <summary>
/// IMDB reviews featurised once into token ids, shared by every engine through a small binary file:
/// "MMTK", int32 version, count, sequence length, vocabulary; then count int32 labels and count × length int32 ids
/// (little-endian). Ids: 0 padding, 1 unknown word, 2.. the most frequent words, then (bag only) hashed bigrams.
/// </summary>
internal sealed class TokenSet
{
    public const int Version = 1;
    public const int Words = 30_000;
    public const int BigramBuckets = 1 << 18;
    public const int MaxWords = 256;
    public const int ReviewsPerClass = 10_000;

    private readonly int[] _tokens;
    private readonly int[] _labels;

    private TokenSet(int[] tokens, int[] labels, int length, int vocabulary)
    {
        _tokens = tokens;
        _labels = labels;
        SequenceLength = length;
        Vocabulary = vocabulary;
    }

    public int Count => _labels.Length;
    public int SequenceLength { get; }
    public int Vocabulary { get; }

    public static string FileName(string caseName) => $"imdb-{caseName}-v{Version}.bin";

    /// <summary>Writes batch <paramref name="index"/> (wrapping around the set) into the buffers.</summary>
    public void Fill(int index, int batch, long[] tokens, long[] labels)
    {
        var batches = Count / batch;
        var first = index % batches * batch;
        for (var i = 0; i < batch * SequenceLength; i++) tokens[i] = _tokens[first * SequenceLength + i];
        for (var i = 0; i < batch; i++) labels[i] = _labels[first + i];
    }

    public static TokenSet Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != "MMTK" || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException($"{path} is not a version {Version} token file; delete it and rerun the preparation.");
        }
        var count = reader.ReadInt32();
        var length = reader.ReadInt32();
        var vocabulary = reader.ReadInt32();
        var labels = new int[count];
        var tokens = new int[count * length];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(labels.AsSpan()));
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens.AsSpan()));
        return new TokenSet(tokens, labels, length, vocabulary);
    }

    /// <summary>
    /// Featurises the IMDB reviews into the two token files of <paramref name="directory"/>: "textcnn" (the first
    /// <see cref="MaxWords"/> word ids) and "bag" (those ids, then the ids of their consecutive bigrams).
    /// </summary>
    public static void Prepare(string reviewsJson, string directory)
    {
        Directory.CreateDirectory(directory);
        var (texts, labels) = SelectReviews(reviewsJson);
        var documents = texts.Select(Tokenize).ToArray();
        var vocabulary = BuildVocabulary(documents);
        const int wordIds = Words + 2;

        var cnn = new int[documents.Length * MaxWords];
        var bagLength = 2 * MaxWords - 1;
        var bag = new int[documents.Length * bagLength];
        for (var d = 0; d < documents.Length; d++)
        {
            var words = documents[d].Take(MaxWords).ToArray();
            for (var i = 0; i < words.Length; i++)
            {
                var id = vocabulary.TryGetValue(words[i], out var known) ? known : 1;
                cnn[d * MaxWords + i] = id;
                bag[d * bagLength + i] = id;
            }
            for (var i = 0; i + 1 < words.Length; i++)
            {
                var bucket = (int)(Fnv1a($"{words[i]} {words[i + 1]}") % BigramBuckets);
                bag[d * bagLength + words.Length + i] = wordIds + bucket;
            }
        }
        Write(Path.Combine(directory, FileName("textcnn")), labels, cnn, MaxWords, wordIds);
        Write(Path.Combine(directory, FileName("bag")), labels, bag, bagLength, wordIds + BigramBuckets);
    }

    // The file is sorted by label: take the first ReviewsPerClass of each label and interleave them.
    private static (string[] Texts, int[] Labels) SelectReviews(string path)
    {
        using var stream = File.OpenRead(path);
        var reviews = JsonSerializer.Deserialize<List<Review>>(stream) ?? throw new InvalidDataException($"{path} holds no reviews.");
        var negative = reviews.Where(r => r.Label == 0).Take(ReviewsPerClass).ToArray();
        var positive = reviews.Where(r => r.Label == 1).Take(ReviewsPerClass).ToArray();
        if (negative.Length < ReviewsPerClass || positive.Length < ReviewsPerClass) throw new InvalidDataException($"{path} has too few reviews of one class.");
        var texts = new string[2 * ReviewsPerClass];
        var labels = new int[2 * ReviewsPerClass];
        for (var i = 0; i < ReviewsPerClass; i++)
        {
            (texts[2 * i], labels[2 * i]) = (negative[i].Text, 0);
            (texts[2 * i + 1], labels[2 * i + 1]) = (positive[i].Text, 1);
        }
        return (texts, labels);
    }

    // Lowercase, "<br />" removed, split on every character that is not a letter.
    private static string[] Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Replace("<br />", " ", StringComparison.Ordinal))
        {
            if (char.IsLetter(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return [.. words];
    }

    // The Words most frequent words (ties by ordinal order) get ids 2, 3, … in that order.
    private static Dictionary<string, int> BuildVocabulary(string[][] documents)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in documents.SelectMany(d => d)) counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Words).Select((kv, i) => (kv.Key, Id: i + 2)).ToDictionary(e => e.Key, e => e.Id, StringComparer.Ordinal);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static void Write(string path, int[] labels, int[] tokens, int length, int vocabulary)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Encoding.ASCII.GetBytes("MMTK"));
            writer.Write(Version);
            writer.Write(labels.Length);
            writer.Write(length);
            writer.Write(vocabulary);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(labels.AsSpan()));
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens.AsSpan()));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Review([property: JsonPropertyName("t")] string Text, [property: JsonPropertyName("s")] int Label);
}
