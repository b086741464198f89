using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Data.Text;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The text classifier as an ML.NET estimator: tokenizes and trains an EmbeddingBag, TextCNN or small Transformer with
/// any of the library's optimizers on a key-typed label and a text column, and appends <c>Score</c> and
/// <c>PredictedLabel</c>. Create it with <c>mlContext.MulticlassClassification.Trainers.MomentumTextClassification(...)</c>.
/// </summary>
public sealed partial class MomentumTextClassificationTrainer : IEstimator<MomentumClassificationTransformer<TextClassificationModel>>
{
    private readonly Options _options;
    private readonly ClassifierFitter<string, TextClassificationModel> _fitter;

    /// <summary>Creates the estimator; the options are validated now and read again at <see cref="Fit(IDataView, IDataView)"/>.</summary>
    /// <param name="env">The ML.NET environment: the <see cref="MLContext"/> (its seed and log are used).</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public MomentumTextClassificationTrainer(IHostEnvironment env, Options options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _fitter = new ClassifierFitter<string, TextClassificationModel>(env, "MomentumTextClassification", TextFeatureInput.Instance,
            (model, texts) => model.PredictBatch(texts));
    }

    /// <summary>Trains on <paramref name="input"/>, validating on <c>Options.ValidationSet</c> or a held-out fraction.</summary>
    /// <param name="input">Data with the label and text columns.</param>
    public MomentumClassificationTransformer<TextClassificationModel> Fit(IDataView input) => Fit(input, _options.ValidationSet);

    /// <summary>Trains on <paramref name="trainData"/>, validating after every epoch on <paramref name="validationData"/>.</summary>
    /// <param name="trainData">Data with the label and text columns.</param>
    /// <param name="validationData">Data with the same columns and label key; null holds out part of the training data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it.</exception>
    public MomentumClassificationTransformer<TextClassificationModel> Fit(IDataView trainData, IDataView? validationData) => Fit(trainData, validationData, null);

    /// <summary>
    /// Warm start: retrains <paramref name="previousModel"/> on <paramref name="trainData"/> (e.g. last night's model on
    /// more data), continuing from its weights and featurizer (same vocabulary), and from its
    /// optimizer state when <c>Options.ContinueOptimizerState</c> is set. The previous model is not changed. Validates on
    /// <c>Options.ValidationSet</c> or a held-out fraction.
    /// </summary>
    /// <param name="trainData">Data with the label and text columns; its label key must hold the previous model's classes.</param>
    /// <param name="previousModel">The transformer a previous <c>Fit</c> returned.</param>
    /// <exception cref="ArgumentException">The label set differs from the previous model's; the message lists the missing and extra classes.</exception>
    public MomentumClassificationTransformer<TextClassificationModel> Fit(IDataView trainData, MomentumClassificationTransformer<TextClassificationModel> previousModel)
        => Fit(trainData, _options.ValidationSet, previousModel ?? throw new ArgumentNullException(nameof(previousModel)));

    /// <summary>Trains on <paramref name="trainData"/>, validating on <paramref name="validationData"/>, from scratch or continuing <paramref name="previousModel"/>.</summary>
    /// <param name="trainData">Data with the label and text columns.</param>
    /// <param name="validationData">Data with the same columns and label key; null holds out part of the training data.</param>
    /// <param name="previousModel">The model to continue from (a warm start), or null to train from scratch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it.</exception>
    /// <exception cref="ArgumentException">In a warm start, the label set differs from the previous model's.</exception>
    public MomentumClassificationTransformer<TextClassificationModel> Fit(IDataView trainData, IDataView? validationData, MomentumClassificationTransformer<TextClassificationModel>? previousModel)
    {
        _options.Validate();
        return _fitter.Fit(trainData, validationData, _options.Columns, _options.Trainer.Seed, skipInvalidInputs: false, previousModel, examples =>
        {
            var options = examples.Configure(_options.Trainer);
            if (examples.Validation is { } validation) options.ValidationSet = Source(validation);
            return new TextClassificationTrainer(options).Fit(Source(examples.Train), WarmStartFrom(previousModel), _options.CancellationToken);
        });
    }

    /// <summary>The schema after this estimator: checks the label (a key) and text columns and adds the two outputs.</summary>
    /// <param name="inputSchema">The pipeline's schema before this estimator.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type; the message names it, the type expected and the type found.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _fitter.GetOutputSchema(inputSchema, _options.Columns);

    private static TextDataSource Source(IReadOnlyList<(string Label, string Text)> examples)
        => TextDataSource.FromExamples(examples.Select(e => new TextExample(e.Text, e.Label)));

    private WarmStart? WarmStartFrom(MomentumClassificationTransformer<TextClassificationModel>? previousModel)
        => previousModel is null ? null : new WarmStart(previousModel.Model, _options.ContinueOptimizerState);
}
