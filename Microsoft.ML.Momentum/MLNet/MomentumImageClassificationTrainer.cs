using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Data.Images;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The image classifier as an ML.NET estimator: trains a small CNN, ResNet or MLP with any of the library's optimizers
/// on a key-typed label and an image column (encoded bytes from <c>LoadRawImageBytes</c>, or <c>MLImage</c> from
/// <c>LoadImages</c>), and appends <c>Score</c> and <c>PredictedLabel</c>. Create it with
/// <c>mlContext.MulticlassClassification.Trainers.MomentumImageClassification(...)</c>.
/// </summary>
public sealed partial class MomentumImageClassificationTrainer : IEstimator<MomentumClassificationTransformer<ImageClassificationModel>>
{
    private readonly Options _options;
    private readonly ClassifierFitter<DecodedImage, ImageClassificationModel> _fitter;

    /// <summary>Creates the estimator; the options are validated now and read again at <see cref="Fit(IDataView, IDataView)"/>.</summary>
    /// <param name="env">The ML.NET environment: the <see cref="MLContext"/> (its seed and log are used).</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public MomentumImageClassificationTrainer(IHostEnvironment env, Options options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _fitter = new ClassifierFitter<DecodedImage, ImageClassificationModel>(env, "MomentumImageClassification", ImageFeatureInput.Instance,
            (model, images) => model.PredictBatch(images));
    }

    /// <summary>Trains on <paramref name="input"/>, validating on <c>Options.ValidationSet</c> or a held-out fraction.</summary>
    /// <param name="input">Data with the label and image columns.</param>
    public MomentumClassificationTransformer<ImageClassificationModel> Fit(IDataView input) => Fit(input, _options.ValidationSet);

    /// <summary>Trains on <paramref name="trainData"/>, validating after every epoch on <paramref name="validationData"/>.</summary>
    /// <param name="trainData">Data with the label and image columns.</param>
    /// <param name="validationData">Data with the same columns and label key; null holds out part of the training data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it.</exception>
    public MomentumClassificationTransformer<ImageClassificationModel> Fit(IDataView trainData, IDataView? validationData) => Fit(trainData, validationData, null);

    /// <summary>
    /// Warm start: retrains <paramref name="previousModel"/> on <paramref name="trainData"/> (e.g. last night's model on
    /// more data), continuing from its weights, input size, channels and normalization, and from its
    /// optimizer state when <c>Options.ContinueOptimizerState</c> is set. The previous model is not changed. Validates on
    /// <c>Options.ValidationSet</c> or a held-out fraction.
    /// </summary>
    /// <param name="trainData">Data with the label and image columns; its label key must hold the previous model's classes.</param>
    /// <param name="previousModel">The transformer a previous <c>Fit</c> returned.</param>
    /// <exception cref="ArgumentException">The label set differs from the previous model's; the message lists the missing and extra classes.</exception>
    public MomentumClassificationTransformer<ImageClassificationModel> Fit(IDataView trainData, MomentumClassificationTransformer<ImageClassificationModel> previousModel)
        => Fit(trainData, _options.ValidationSet, previousModel ?? throw new ArgumentNullException(nameof(previousModel)));

    /// <summary>Trains on <paramref name="trainData"/>, validating on <paramref name="validationData"/>, from scratch or continuing <paramref name="previousModel"/>.</summary>
    /// <param name="trainData">Data with the label and image columns.</param>
    /// <param name="validationData">Data with the same columns and label key; null holds out part of the training data.</param>
    /// <param name="previousModel">The model to continue from (a warm start), or null to train from scratch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it.</exception>
    /// <exception cref="ArgumentException">In a warm start, the label set differs from the previous model's.</exception>
    /// <exception cref="InvalidDataException">An image cannot be decoded (unless <c>Trainer.SkipInvalidImages</c>); the message names the row.</exception>
    public MomentumClassificationTransformer<ImageClassificationModel> Fit(IDataView trainData, IDataView? validationData, MomentumClassificationTransformer<ImageClassificationModel>? previousModel)
    {
        _options.Validate();
        return _fitter.Fit(trainData, validationData, _options.Columns, _options.Trainer.Seed, _options.Trainer.SkipInvalidImages, previousModel, examples =>
        {
            var options = examples.Configure(_options.Trainer);
            if (examples.Validation is { } validation) options.ValidationSet = ImageDataSource.FromDecoded(validation);
            return new ImageClassificationTrainer(options).Fit(ImageDataSource.FromDecoded(examples.Train), WarmStartFrom(previousModel), _options.CancellationToken);
        });
    }

    /// <summary>The schema after this estimator: checks the label (a key) and image columns and adds the two outputs.</summary>
    /// <param name="inputSchema">The pipeline's schema before this estimator.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it, the type expected and the type found.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _fitter.GetOutputSchema(inputSchema, _options.Columns);

    private WarmStart? WarmStartFrom(MomentumClassificationTransformer<ImageClassificationModel>? previousModel)
        => previousModel is null ? null : new WarmStart(previousModel.Model, _options.ContinueOptimizerState);
}
