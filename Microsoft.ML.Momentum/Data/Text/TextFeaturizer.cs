using System.Collections.Concurrent;

namespace Microsoft.ML.Momentum.Data.Text;

/// <summary>
/// Turns texts (or text pairs) into int64 ids for a model: tokenize, keep the first <see cref="MaxTokens"/> words,
/// map words to <see cref="Vocabulary"/> ids, append hashed n-gram ids (after the vocabulary ids), and map labels
/// through <see cref="LabelMap"/>. Built from training data with <see cref="Fit"/>; saved with the model as one
/// versioned JSON document (<see cref="Save"/>, <see cref="Load"/>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Id layout: 0 padding, 1 unknown word, 2 pair separator, 3 … <c>Vocabulary.Count − 1</c> words, then
/// <c>Vocabulary.Count</c> … <see cref="IdCount"/> − 1 n-gram buckets. A model's embedding needs
/// <see cref="IdCount"/> rows. An example with no words at all (e.g. only punctuation) becomes the single
/// unknown id, so that no bag or sequence is empty.
/// </remarks>
public sealed class TextFeaturizer
{
    private const int ChunkSize = 256;

    /// <summary>Creates a featurizer from its parts (normally <see cref="Fit"/> or <see cref="Load"/> does this).</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    /// <param name="vocabulary">The vocabulary.</param>
    /// <param name="nGrams">The n-gram hasher, or <see langword="null"/> for no n-grams.</param>
    /// <param name="labelMap">The label map, or <see langword="null"/> when labels are not used.</param>
    /// <param name="maxTokens">The most words kept per example.</param>
    public TextFeaturizer(TextTokenizer tokenizer, Vocabulary vocabulary, NGramHasher? nGrams, LabelMap? labelMap, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        if ((long)vocabulary.Count + (nGrams?.BucketCount ?? 0) > int.MaxValue)
        {
            throw new ArgumentException("The vocabulary plus the n-gram buckets must fit in a 32-bit id.", nameof(nGrams));
        }

        Tokenizer = tokenizer;
        Vocabulary = vocabulary;
        NGrams = nGrams;
        LabelMap = labelMap;
        MaxTokens = maxTokens;
    }

    /// <summary>The tokenizer.</summary>
    public TextTokenizer Tokenizer { get; }

    /// <summary>The vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The n-gram hasher, or <see langword="null"/> when n-grams are off.</summary>
    public NGramHasher? NGrams { get; }

    /// <summary>The label map, or <see langword="null"/> when labels are not used.</summary>
    public LabelMap? LabelMap { get; }

    /// <summary>The most words kept per example (for pairs: both texts and the separator).</summary>
    public int MaxTokens { get; }

    /// <summary>The number of distinct ids: vocabulary plus n-gram buckets (the embedding rows a model needs).</summary>
    public int IdCount => Vocabulary.Count + (NGrams?.BucketCount ?? 0);

    /// <summary>
    /// Builds a featurizer from labelled training data: the label map from its labels (at least two classes), the
    /// vocabulary from the words it keeps after truncation (both texts of a pair). Runs on all cores.
    /// </summary>
    /// <param name="trainingData">Labelled training data.</param>
    /// <param name="options">Tokenizer, vocabulary, n-gram and truncation options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the vocabulary pass.</param>
    public static TextFeaturizer Fit(TextDataSet trainingData, TextFeaturizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        options ??= new TextFeaturizerOptions();
        options.Validate();
        LabelMap labelMap = LabelMap.FromTrainingData(trainingData);
        var tokenizer = new TextTokenizer(options.Tokenizer);
        var probe = new TextFeaturizer(tokenizer, new VocabularyBuilder().Build(), null, null, options.MaxTokens);

        var total = new VocabularyBuilder();
        var gate = new object();
        Parallel.ForEach(
            Partitioner.Create(0, trainingData.Count, ChunkSize),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Builder: new VocabularyBuilder(), Work: new Workspace()),
            (range, loopState, local) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    TextExample e = trainingData[i];
                    probe.TokenizeKept(e.Text, e.Text2, local.Work, out int keep1, out int keep2, out _);
                    for (int k = 0; k < keep1; k++)
                    {
                        local.Builder.Add(local.Work.First[k]);
                    }

                    for (int k = 0; k < keep2; k++)
                    {
                        local.Builder.Add(local.Work.Second[k]);
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    total.Merge(local.Builder);
                }
            });

        Vocabulary vocabulary = total.Build(options.MinCount, options.MaxVocabularySize);
        NGramHasher? nGrams = options.NGramLength > 1 ? new NGramHasher(options.NGramLength, options.NGramBuckets) : null;
        return new TextFeaturizer(tokenizer, vocabulary, nGrams, labelMap, options.MaxTokens);
    }

    /// <summary>
    /// Featurizes a data set. Labels go through <see cref="LabelMap"/>; a label never seen in training is handled as
    /// <paramref name="unknownLabels"/> says. Unlabelled data (or a featurizer without a label map) gives class
    /// <see cref="FeaturizedTextDataSet.UnknownClass"/> everywhere. Runs on all cores; the result is the same for any
    /// number of cores.
    /// </summary>
    /// <param name="data">The examples.</param>
    /// <param name="unknownLabels">What to do with labels not seen in training.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public FeaturizedTextDataSet Featurize(TextDataSet data, UnknownLabelHandling unknownLabels = UnknownLabelHandling.Error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var keptIndices = new List<int>(data.Count);
        var classes = new List<int>(data.Count);
        int skipped = 0;
        for (int i = 0; i < data.Count; i++)
        {
            int cls = FeaturizedTextDataSet.UnknownClass;
            string? label = data[i].Label;
            if (data.HasLabels && LabelMap is not null && !LabelMap.TryGetClass(label, out cls))
            {
                if (unknownLabels == UnknownLabelHandling.Error)
                {
                    int? line = data.GetLineNumber(i);
                    throw new TextDataException(data.SourceName, line, null,
                        $"{(line is null ? $"example #{i + 1}: " : string.Empty)}the label '{label}' was not seen in training; " +
                        $"the known classes are: {LabelMap.Describe()}. (Use UnknownLabelHandling.Skip or Keep to accept such examples.)");
                }

                if (unknownLabels == UnknownLabelHandling.Skip)
                {
                    skipped++;
                    continue;
                }
            }

            keptIndices.Add(i);
            classes.Add(cls);
        }

        return FeaturizeCore(keptIndices.Count, k => data[keptIndices[k]].Text, k => data[keptIndices[k]].Text2,
            classes.ToArray(), keptIndices.ToArray(), skipped, cancellationToken);
    }

    /// <summary>
    /// Featurizes unlabelled texts for prediction, one result per text in order (empty texts included: they become
    /// the unknown id).
    /// </summary>
    /// <param name="texts">The texts.</param>
    /// <param name="texts2">The second texts of pairs, or <see langword="null"/>; same count as <paramref name="texts"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public FeaturizedTextDataSet FeaturizeTexts(IReadOnlyList<string?> texts, IReadOnlyList<string?>? texts2 = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts2 is not null && texts2.Count != texts.Count)
        {
            throw new ArgumentException($"texts2 has {texts2.Count} entries but texts has {texts.Count}.", nameof(texts2));
        }

        int[] classes = new int[texts.Count];
        Array.Fill(classes, FeaturizedTextDataSet.UnknownClass);
        return FeaturizeCore(texts.Count, k => texts[k], texts2 is null ? _ => null : k => texts2[k] ?? string.Empty,
            classes, Enumerable.Range(0, texts.Count).ToArray(), 0, cancellationToken);
    }

    /// <summary>The ids of one text (or pair), words then n-grams, as a model's EmbeddingBag input.</summary>
    /// <param name="text">The text.</param>
    /// <param name="text2">The second text of a pair, or <see langword="null"/>.</param>
    public long[] GetIds(string? text, string? text2 = null)
    {
        var output = new List<int>();
        FeaturizeOne(text, text2, new Workspace(), output, out _, out _, out _, out _);
        return output.Select(id => (long)id).ToArray();
    }

    /// <summary>Writes the featurizer (settings, vocabulary, label map) as a versioned UTF-8 JSON document.</summary>
    /// <param name="stream">The destination; left open.</param>
    public void Save(Stream stream) => TextFeaturizerSerializer.Save(this, stream);

    /// <summary>Reads a featurizer written by <see cref="Save"/>.</summary>
    /// <param name="stream">The source; left open.</param>
    /// <exception cref="InvalidDataException">The document is malformed, of another format, or of a newer version.</exception>
    public static TextFeaturizer Load(Stream stream) => TextFeaturizerSerializer.Load(stream);

    /// <summary>The featurizer as a versioned JSON document (the same text <see cref="Save"/> writes).</summary>
    public string ToJson() => TextFeaturizerSerializer.ToJson(this);

    /// <summary>Reads a featurizer from the JSON written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    public static TextFeaturizer FromJson(string json) => TextFeaturizerSerializer.FromJson(json);

    private FeaturizedTextDataSet FeaturizeCore(int count, Func<int, string?> text, Func<int, string?> text2, int[] classes,
        int[] sourceIndices, int skipped, CancellationToken cancellationToken)
    {
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        var results = new ChunkResult[chunks];
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, () => new Workspace(),
            (c, _, work) =>
            {
                int start = c * ChunkSize, end = Math.Min(count, start + ChunkSize);
                var result = new ChunkResult(end - start);
                for (int k = start; k < end; k++)
                {
                    int before = result.Ids.Count;
                    FeaturizeOne(text(k), text2(k), work, result.Ids, out int sequence, out int words, out int unknown, out bool truncated);
                    result.Lengths[k - start] = result.Ids.Count - before;
                    result.Sequences[k - start] = sequence;
                    result.Words += words;
                    result.Unknown += unknown;
                    result.Truncated += truncated ? 1 : 0;
                }

                results[c] = result;
                return work;
            },
            _ => { });

        long totalIds = results.Sum(r => (long)r.Ids.Count);
        if (totalIds > Array.MaxLength)
        {
            throw new InvalidOperationException($"The data has {totalIds} ids, more than one array can hold; featurize it in parts.");
        }

        var ids = new int[totalIds];
        var starts = new int[count + 1];
        var sequences = new int[count];
        int at = 0, example = 0;
        foreach (ChunkResult r in results)
        {
            r.Ids.CopyTo(ids, at);
            for (int k = 0; k < r.Lengths.Length; k++, example++)
            {
                starts[example] = at;
                at += r.Lengths[k];
                sequences[example] = r.Sequences[k];
            }
        }

        starts[count] = at;
        return new FeaturizedTextDataSet(ids, starts, sequences, classes, sourceIndices,
            results.Sum(r => r.Truncated), skipped, results.Sum(r => r.Words), results.Sum(r => r.Unknown));
    }

    private void FeaturizeOne(string? text, string? text2, Workspace work, List<int> output,
        out int sequenceLength, out int words, out int unknown, out bool truncated)
    {
        TokenizeKept(text, text2, work, out int keep1, out int keep2, out truncated);
        int before = output.Count;
        unknown = 0;
        for (int k = 0; k < keep1; k++)
        {
            int id = Vocabulary.GetId(work.First[k]);
            unknown += id == Vocabulary.UnknownId ? 1 : 0;
            output.Add(id);
        }

        if (text2 is not null)
        {
            output.Add(Vocabulary.SeparatorId);
            for (int k = 0; k < keep2; k++)
            {
                int id = Vocabulary.GetId(work.Second[k]);
                unknown += id == Vocabulary.UnknownId ? 1 : 0;
                output.Add(id);
            }
        }

        words = keep1 + keep2;
        if (output.Count == before)
        {
            output.Add(Vocabulary.UnknownId);
        }

        sequenceLength = output.Count - before;
        if (NGrams is not null)
        {
            NGrams.AppendIds(work.First, 0, keep1, Vocabulary.Count, output);
            NGrams.AppendIds(work.Second, 0, keep2, Vocabulary.Count, output);
        }
    }

    /// <summary>
    /// Tokenizes an example and decides how many words of each text are kept: all up to <see cref="MaxTokens"/>; for
    /// pairs, the separator takes one position and the longer text is trimmed first (ties trim the second).
    /// </summary>
    private void TokenizeKept(string? text, string? text2, Workspace work, out int keep1, out int keep2, out bool truncated)
    {
        int n1 = Tokenizer.Tokenize(text, work.First, MaxTokens + 1);
        if (text2 is null)
        {
            work.Second.Clear();
            keep1 = Math.Min(n1, MaxTokens);
            keep2 = 0;
            truncated = n1 > MaxTokens;
            return;
        }

        int n2 = Tokenizer.Tokenize(text2, work.Second, MaxTokens + 1);
        int budget = MaxTokens - 1;
        keep1 = n1;
        keep2 = n2;
        truncated = keep1 + keep2 > budget;
        // Longest first: trim one word at a time from the longer text (ties trim the second text).
        while (keep1 + keep2 > budget)
        {
            if (keep1 > keep2)
            {
                keep1--;
            }
            else
            {
                keep2--;
            }
        }
    }

    private sealed class Workspace
    {
        public TokenBuffer First { get; } = new();

        public TokenBuffer Second { get; } = new();
    }

    private sealed class ChunkResult(int count)
    {
        public List<int> Ids { get; } = new(count * 64);

        public int[] Lengths { get; } = new int[count];

        public int[] Sequences { get; } = new int[count];

        public long Words { get; set; }

        public long Unknown { get; set; }

        public int Truncated { get; set; }
    }
}
