using System.Globalization;

namespace Microsoft.ML.Momentum.Benchmarks.Text;

/// <summary>The runner's command line: the task, which models and optimizers, and overrides of the recipes.</summary>
internal sealed record BenchmarkArguments(string Task, string[] Models, string[] Optimizers, int Threads, int? Epochs, double? LearningRate,
    int? MaxTokens, int? Dimension, int? Buckets, int? BatchSize, string? DataPath, string? Output, int Seed,
    double? Dropout, int? MinCount, int? NGramLength)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("imdb" or "brown")) throw new ArgumentException("First argument: imdb or brown.");
        var task = args[0];
        string[] models = task == "imdb" ? ["bag", "cnn"] : ["bag"];
        string[] optimizers = ["adam", "demonAdam", "momoAdam"];
        int threads = 2, seed = 1;
        int? epochs = null, maxTokens = null, dimension = null, buckets = null, batch = null, minCount = null, ngrams = null;
        double? lr = null, dropout = null;
        string? data = null, output = null;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--models": models = value.Split(','); break;
                case "--optimizers": optimizers = value.Split(','); break;
                case "--threads": threads = Int(value); break;
                case "--epochs": epochs = Int(value); break;
                case "--lr": lr = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--max-tokens": maxTokens = Int(value); break;
                case "--dim": dimension = Int(value); break;
                case "--buckets": buckets = Int(value); break;
                case "--batch": batch = Int(value); break;
                case "--seed": seed = Int(value); break;
                case "--dropout": dropout = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--min-count": minCount = Int(value); break;
                case "--ngrams": ngrams = Int(value); break;
                case "--data": data = value; break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
            i++;
        }
        return new BenchmarkArguments(task, models, optimizers, threads, epochs, lr, maxTokens, dimension, buckets, batch, data, output, seed,
            dropout, minCount, ngrams);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
