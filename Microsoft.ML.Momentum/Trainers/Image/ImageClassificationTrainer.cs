using Microsoft.ML.Momentum.Data.Datasets;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// The image training engine: trains a classifier from scratch (small CNN, ResNet or MLP) with any of the library's
/// optimizers. Applications train through the ML.NET estimator
/// (<c>mlContext.MulticlassClassification.Trainers.MomentumImageClassification</c>), which reads its data views and
/// calls this class; using it directly skips ML.NET for data already in files or memory.
/// </summary>
/// <example>
/// <code>
/// var trainer = new ImageClassificationTrainer(new ImageClassificationTrainer.Options
/// {
///     Optimizer = new Momo(), MaxEpoch = 10, ValidationSetFraction = 0.1, Seed = 1,
/// });
/// using var model = trainer.Fit(ImageDataSource.FromFolder("photos"));
/// Console.WriteLine(model.Predict("photos/cat/1.png").PredictedLabel);
/// model.Save("classifier.zip");
/// </code>
/// </example>
public sealed partial class ImageClassificationTrainer
{
    private readonly Options _options;
    private readonly int? _contextSeed;

    /// <summary>Creates a trainer; the options are validated at once and read again at <see cref="Fit(ImageDataSource, CancellationToken)"/>.</summary>
    /// <param name="options">The options (defaults when null).</param>
    /// <param name="contextSeed">Seed used when the options set none.</param>
    public ImageClassificationTrainer(Options? options = null, int? contextSeed = null)
    {
        _options = options ?? new Options();
        _options.Validate();
        _contextSeed = contextSeed;
    }

    /// <summary>The default optimizer: SGD with momentum 0.9 (PyTorch form), learning rate 0.05, cosine decay to 0.</summary>
    public static Optimizer DefaultOptimizer() => new SgdMomentum { LearningRate = 0.05, Momentum = 0.9, LearningRateSchedule = new CosineSchedule() };

    /// <summary>Trains on <paramref name="data"/> and returns the trained model.</summary>
    /// <param name="data">The training images.</param>
    /// <param name="cancellation">
    /// Stops training between steps; with <c>WorkspacePath</c> set a checkpoint is written first, and a later
    /// <c>Fit</c> with <c>ResumeFromCheckpoint</c> continues exactly where this one stopped.
    /// </param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="InvalidDataException">The data cannot be used (the message names the file or line).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public ImageClassificationModel Fit(ImageDataSource data, CancellationToken cancellation = default) => Fit(data, null, cancellation);

    /// <summary>
    /// Trains on <paramref name="data"/>; with <paramref name="warmStart"/> the run continues from the previous model's
    /// weights, with its architecture, input size, channels, normalization and class order.
    /// </summary>
    internal ImageClassificationModel Fit(ImageDataSource data, WarmStart? warmStart, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options.Validate();
        var previous = (ImageClassificationModel?)warmStart?.Previous;
        var optimizerState = warmStart?.OptimizerState;
        var seed = TrainingSession.SeedOf(_options, _contextSeed);
        var device = TrainingSession.Prepare(_options);
        var (train, validation, report) = LoadData(data, seed, previous, cancellation);
        var normalization = previous?.Input.Normalization ?? ChannelNormalization.Fit(train);
        var transform = previous?.Input ?? new ImageInputTransform(train.Channels, new ImageSize(train.Height, train.Width), normalization);
        var model = previous?.CopyNetwork(device, (ulong)seed) ?? TorchModel.Create(NetworkFor(train), device, (ulong)seed);
        try
        {
            using var optimizer = TrainingSession.CreateOptimizer(_options, DefaultOptimizer, train.Count);
            using var trainSource = new ImageBatchSource(train, normalization, _options.Augmentation, seed);
            using var validationSource = validation is null ? null : new ImageBatchSource(validation, normalization);
            var result = TrainingSession.Run(_options, seed, model, optimizer, trainSource, validationSource,
                _options.Augmentation is { IsActive: true }, optimizerState, cancellation);
            return new ImageClassificationModel(model, train.ClassNames, transform, result, optimizer, report)
            {
                OptimizerState = TrainingSession.Keep(_options, optimizer),
            };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads and splits the data; with <paramref name="previous"/> (a warm start) the images take its size, channels and class order.</summary>
    private (LabeledImages Train, LabeledImages? Validation, ImageLoadReport Report) LoadData(ImageDataSource data, int seed,
        ImageClassificationModel? previous, CancellationToken cancellation)
    {
        var settings = previous is null ? _options.ReadSettings
            : _options.ReadSettings with { ImageSize = previous.Input.Size, ColorMode = (ImageColorMode)previous.Input.Channels };
        var loaded = data.Load(settings, previous?.ClassNames, cancellation);
        var images = loaded.Images;
        if (images.ClassNames.Count < 2)
        {
            throw new InvalidDataException($"{data.Description} holds {images.ClassNames.Count} class(es); a classifier needs at least two.");
        }
        if (_options.ValidationSet is { } validationSet)
        {
            var shape = settings with { ImageSize = new ImageSize(images.Height, images.Width), ColorMode = (ImageColorMode)images.Channels };
            return (images, validationSet.Load(shape, images.ClassNames, cancellation).Images, loaded.Report);
        }
        if (_options.ValidationSetFraction == 0) return (images, null, loaded.Report);
        var (trainIndices, validationIndices) = StratifiedSplit.Split(images.Labels, _options.ValidationSetFraction, seed);
        if (trainIndices.Length == 0) throw new InvalidDataException($"{data.Description}: no training images are left after holding out {_options.ValidationSetFraction:P0} for validation.");
        return (images.Select(trainIndices), validationIndices.Length == 0 ? null : images.Select(validationIndices), loaded.Report);
    }

    private NetworkSpec NetworkFor(LabeledImages images) => _options.Architecture switch
    {
        ImageClassificationArchitecture.SmallCnn => NetworkSpec.SmallCnn(images.Channels, images.Height, images.Width, images.ClassNames.Count),
        ImageClassificationArchitecture.ResNet => NetworkSpec.ResNet(images.Channels, images.Height, images.Width, images.ClassNames.Count, _options.ResNetDepth, _options.ResNetWidth),
        _ => NetworkSpec.Mlp(images.Channels, images.Height, images.Width, images.ClassNames.Count, [.. _options.MlpHiddenSizes]),
    };
}
