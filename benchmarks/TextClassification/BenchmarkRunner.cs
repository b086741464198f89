using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Benchmarks.Text;

/// <summary>Runs every model × optimizer of the command line in turn and prints (and appends to --out) one markdown row each.</summary>
internal sealed class BenchmarkRunner(BenchmarkArguments arguments)
{
    private const string Header = "| task | model | optimizer | lr | test accuracy | test macro-F1 | epochs (best/run) | fit wall time | train docs/s | test docs/s |";

    public int Run()
    {
        var (train, test) = LoadData();
        Console.WriteLine($"# {arguments.Task}: {train.Count} train / {test.Count} test examples; {Environment.ProcessorCount} cores, {arguments.Threads} threads");
        Console.WriteLine(Header);
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var model in arguments.Models)
        {
            foreach (var optimizer in arguments.Optimizers)
            {
                var row = RunOne(model, optimizer, train, test);
                Console.WriteLine(row);
                if (arguments.Output is { } output) File.AppendAllText(output, row + Environment.NewLine);
            }
        }
        return 0;
    }

    private (TextDataSet Train, TextDataSet Test) LoadData()
    {
        if (arguments.Task == "imdb")
        {
            var imdb = ImdbDataset.Load(arguments.DataPath);
            return (imdb.Train, imdb.Test);
        }
        var brown = BrownCorpusDataset.Load(arguments.DataPath);
        return (brown.Train, brown.Test);
    }

    private string RunOne(string model, string optimizer, TextDataSet train, TextDataSet test)
    {
        var options = Recipes.For(arguments.Task, model, optimizer, arguments);
        options.MetricsCallback = p =>
        {
            if (p.Phase != TrainingPhase.EpochEnd) return;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {model}/{optimizer} epoch {p.Epoch}/{p.MaxEpoch}: loss {p.EpochLoss:F4}, train acc {p.EpochAccuracy:P2}, " +
                $"validation acc {p.Validation?.Accuracy:P2}, {p.SamplesPerSecond:F0} docs/s, {p.Elapsed.TotalSeconds:F0} s"));
        };
        var trainer = new TextClassificationTrainer(options);
        var clock = Stopwatch.StartNew();
        using var trained = trainer.Fit(TextDataSource.FromDataSet(train));
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var metrics = trained.Evaluate(TextDataSource.FromDataSet(test));
        var testSeconds = clock.Elapsed.TotalSeconds;
        var history = trained.Training!.History;
        var trainSeconds = history.Sum(e => e.Seconds);
        var docsPerSecond = trained.TrainingData!.TrainCount * (double)history.Count / trainSeconds;
        var lr = options.LearningRate ?? options.Optimizer!.LearningRate;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {arguments.Task} | {Describe(options)} | {optimizer} | {lr:G3} | {metrics.Accuracy:P2} | {metrics.MacroF1:F4} | " +
            $"{trained.Training.SelectedEpoch}/{history.Count} | {fitSeconds:F0} s | {docsPerSecond:F0} | {test.Count / testSeconds:F0} |");
    }

    private static string Describe(TextClassificationTrainer.Options o)
    {
        var dim = o.EmbeddingDimension?.ToString(CultureInfo.InvariantCulture) ?? "default";
        return o.Architecture == TextClassificationArchitecture.EmbeddingBag
            ? string.Create(CultureInfo.InvariantCulture, $"EmbeddingBag d{dim}, {o.NGramLength}-grams in {o.NGramBuckets / 1000}k buckets, {o.MaxTokens} tokens")
            : string.Create(CultureInfo.InvariantCulture, $"TextCnn d{dim}, {o.TextCnnFilters}×({string.Join(",", o.TextCnnWindowSizes)}), {o.MaxTokens} tokens");
    }
}
