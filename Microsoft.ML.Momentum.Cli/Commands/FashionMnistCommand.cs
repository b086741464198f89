using Microsoft.ML.Momentum.Data.Images;
using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli;

// Microsoft.ML has a namespace named Command, which an enclosing namespace would find first.
using Command = System.CommandLine.Command;

/// <summary>`momentum fashion-mnist`: trains the small CNN on Fashion-MNIST with SGD-momentum and prints test accuracy.</summary>
internal static class FashionMnistCommand
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 60,000 training images.", DefaultValueFactory = _ => 1 };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per minibatch.", DefaultValueFactory = _ => 64 };
        var learningRate = new Option<double>("--learning-rate") { Description = "SGD-momentum learning rate (PyTorch form).", DefaultValueFactory = _ => 0.05 };
        var momentum = new Option<double>("--momentum") { Description = "Momentum μ.", DefaultValueFactory = _ => 0.9 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch (TorchSharp).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<int>("--seed") { Description = "Seed for initialisation and shuffling.", DefaultValueFactory = _ => 1 };
        var optimizerJson = new Option<string?>("--optimizer") { Description = "Optimizer as JSON (e.g. {\"name\":\"momo\"}) or a name; overrides --learning-rate and --momentum." };
        var data = new Option<string?>("--data") { Description = $"Directory with the IDX files (default {FashionMnist.DebianDirectory})." };
        var command = new Command("fashion-mnist", "Train the small CNN on Fashion-MNIST (60k/10k) and print the test accuracy.")
        {
            epochs, batchSize, learningRate, momentum, threads, seed, data, optimizerJson,
        };
        command.SetAction(parse => Run(parse.GetValue(epochs), parse.GetValue(batchSize), parse.GetValue(learningRate),
            parse.GetValue(momentum), parse.GetValue(threads), parse.GetValue(seed), parse.GetValue(data), parse.GetValue(optimizerJson)));
        return command;
    }

    private static int Run(int epochs, int batchSize, double learningRate, double momentum, int threads, int seed, string? directory, string? optimizerJson)
    {
        var train = FashionMnist.LoadTrain(directory);
        var test = ImageDataSource.FromImages(FashionMnist.LoadTest(directory));
        Console.WriteLine($"libtorch {TorchRuntime.TorchVersion}, {threads} threads, device cpu");
        Console.WriteLine($"Fashion-MNIST: {train.Count} training images, test set as validation, {train.ClassNames.Count} classes");
        var optimizer = optimizerJson is null
            ? new SgdMomentum { LearningRate = learningRate, Momentum = momentum }
            : optimizerJson.TrimStart().StartsWith('{') ? OptimizerJson.Deserialize(optimizerJson) : OptimizerJson.Create(optimizerJson);
        Console.WriteLine($"optimizer: {OptimizerJson.Serialize(optimizer).ReplaceLineEndings(" ")}");
        var options = new ImageClassificationTrainer.Options
        {
            Architecture = ImageClassificationArchitecture.SmallCnn,
            BatchSize = batchSize,
            MaxEpoch = epochs,
            Seed = seed,
            Optimizer = optimizer,
            ValidationSet = test,
            NumberOfThreads = threads,
            Device = ComputeDevice.Cpu,
            MetricsCallback = p =>
            {
                if (p.Phase != TrainingPhase.EpochEnd) return;
                Console.WriteLine($"epoch {p.Epoch}/{p.MaxEpoch}: train loss {p.EpochLoss:F4}, train accuracy {p.EpochAccuracy:P2}, " +
                                  $"{p.SamplesPerSecond:F0} images/s, test accuracy {p.Validation!.Accuracy:P2}, {p.Elapsed.TotalSeconds:F0} s");
            },
        };
        var watch = Stopwatch.StartNew();
        using var model = new ImageClassificationTrainer(options).Fit(ImageDataSource.FromImages(train));
        Console.WriteLine($"small CNN: {model.ParameterCount:N0} parameters; trained {epochs} epoch(s) in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"test accuracy: {model.Evaluate(test).Accuracy:P2}");
        return 0;
    }
}
