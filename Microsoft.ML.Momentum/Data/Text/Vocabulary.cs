using System.Text.Json;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Word ids built from training tokens. Ids 0, 1 and 2 are reserved: <see cref="PaddingId"/>,
/// <see cref="UnknownId"/> (every word not in the vocabulary) and <see cref="SeparatorId"/> (between the two
/// texts of a pair). Words follow in order of decreasing training count, ties in ordinal order, so the same
/// data always gives the same ids. Immutable and thread-safe; saved with the model.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The padding id (0), used to fill padded batches.</summary>
    public const int PaddingId = 0;

    /// <summary>The unknown-word id (1).</summary>
    public const int UnknownId = 1;

    /// <summary>The separator id (2), between the two texts of a sentence pair.</summary>
    public const int SeparatorId = 2;

    /// <summary>The number of reserved ids (3).</summary>
    public const int ReservedCount = 3;

    /// <summary>The padding token's text.</summary>
    public const string PaddingToken = "<pad>";

    /// <summary>The unknown token's text.</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>The separator token's text.</summary>
    public const string SeparatorToken = "<sep>";

    private readonly string[] _tokens;
    private readonly long[] _counts;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;

    internal Vocabulary(string[] words, long[] counts, int minCount, int maxSize)
    {
        _tokens = [PaddingToken, UnknownToken, SeparatorToken, .. words];
        _counts = [0, 0, 0, .. counts];
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (int i = ReservedCount; i < _tokens.Length; i++)
        {
            if (!_ids.TryAdd(_tokens[i], i))
            {
                throw new InvalidDataException($"The vocabulary lists the word '{_tokens[i]}' twice.");
            }
        }

        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        MinCount = minCount;
        MaxSize = maxSize;
    }

    /// <summary>The number of ids, reserved ones included (the word-embedding rows a model needs).</summary>
    public int Count => _tokens.Length;

    /// <summary>The number of words (ids other than the reserved ones).</summary>
    public int WordCount => _tokens.Length - ReservedCount;

    /// <summary>The minimum training count a word needed to be included.</summary>
    public int MinCount { get; }

    /// <summary>The size limit (ids, reserved ones included) the vocabulary was built with.</summary>
    public int MaxSize { get; }

    /// <summary>The tokens in id order, reserved ones first.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>
    /// Builds a vocabulary from tokenized training documents.
    /// </summary>
    /// <param name="documents">The tokens of each training document.</param>
    /// <param name="minCount">Words seen fewer times are left out (they map to <see cref="UnknownId"/>).</param>
    /// <param name="maxSize">The most ids, including the 3 reserved ones; the most frequent words are kept.</param>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> documents, int minCount = 1, int maxSize = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = new VocabularyBuilder();
        foreach (IEnumerable<string> doc in documents)
        {
            builder.AddRange(doc);
        }

        return builder.Build(minCount, maxSize);
    }

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/> for a word not in the vocabulary.</summary>
    /// <param name="token">A token as the tokenizer produced it.</param>
    public int GetId(string token) => token is not null && _ids.TryGetValue(token, out int id) ? id : UnknownId;

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/>.</summary>
    /// <param name="token">A token as the tokenizer produced it.</param>
    public int GetId(ReadOnlySpan<char> token) => _spanIds.TryGetValue(token, out int id) ? id : UnknownId;

    /// <summary>Whether <paramref name="token"/> is a vocabulary word (reserved tokens are not).</summary>
    /// <param name="token">A token.</param>
    /// <param name="id">Its id, or <see cref="UnknownId"/>.</param>
    public bool TryGetId(string token, out int id)
    {
        if (token is not null && _ids.TryGetValue(token, out id))
        {
            return true;
        }

        id = UnknownId;
        return false;
    }

    /// <summary>The token of id <paramref name="id"/>.</summary>
    /// <param name="id">An id in [0, <see cref="Count"/>).</param>
    public string GetToken(int id) =>
        (uint)id < (uint)_tokens.Length ? _tokens[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"Vocabulary ids are 0 … {_tokens.Length - 1}.");

    /// <summary>How many times the word with id <paramref name="id"/> occurred in training (0 for reserved ids).</summary>
    /// <param name="id">An id in [0, <see cref="Count"/>).</param>
    public long GetCount(int id) =>
        (uint)id < (uint)_counts.Length ? _counts[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"Vocabulary ids are 0 … {_counts.Length - 1}.");

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("minCount", MinCount);
        w.WriteNumber("maxSize", MaxSize);
        w.WriteStartArray("reserved");
        w.WriteStringValue(PaddingToken);
        w.WriteStringValue(UnknownToken);
        w.WriteStringValue(SeparatorToken);
        w.WriteEndArray();
        w.WriteStartArray("words");
        for (int i = ReservedCount; i < _tokens.Length; i++)
        {
            w.WriteStringValue(_tokens[i]);
        }

        w.WriteEndArray();
        w.WriteStartArray("counts");
        for (int i = ReservedCount; i < _counts.Length; i++)
        {
            w.WriteNumberValue(_counts[i]);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static Vocabulary Read(JsonElement e)
    {
        const string What = "vocabulary";
        string[] reserved = JsonDocuments.GetStringArray(e, "reserved", What);
        if (!reserved.SequenceEqual([PaddingToken, UnknownToken, SeparatorToken]))
        {
            throw new InvalidDataException($"The vocabulary's reserved tokens are [{string.Join(", ", reserved)}]; this library expects [{PaddingToken}, {UnknownToken}, {SeparatorToken}].");
        }

        string[] words = JsonDocuments.GetStringArray(e, "words", What);
        JsonElement countsElement = JsonDocuments.Get(e, "counts", What);
        if (countsElement.ValueKind != JsonValueKind.Array || countsElement.GetArrayLength() != words.Length)
        {
            throw new InvalidDataException("The vocabulary's 'counts' must be an array with one count per word.");
        }

        long[] counts = countsElement.EnumerateArray().Select(c => c.GetInt64()).ToArray();
        return new Vocabulary(words, counts, JsonDocuments.GetInt(e, "minCount", What), JsonDocuments.GetInt(e, "maxSize", What));
    }
}
