using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Momentum;

/// <summary>
/// What the image and text estimators share: the schema checks, reading labelled examples out of data views
/// (rows whose label is the missing key are skipped and counted), the seed from the ML.NET environment, training
/// messages and per-epoch metrics through the environment's channel (so they reach <c>mlContext.Log</c>), and the
/// fitted transformer.
/// </summary>
/// <typeparam name="TItem">What the model learns from.</typeparam>
/// <typeparam name="TModel">The trained model.</typeparam>
internal sealed class ClassifierFitter<TItem, TModel>
    where TModel : ClassificationModel
{
    private readonly IHostEnvironment _env;
    private readonly string _name;
    private readonly FeatureInput<TItem> _input;
    private readonly Func<TModel, IReadOnlyList<TItem>, IReadOnlyList<ClassPrediction>> _predict;

    public ClassifierFitter(IHostEnvironment env, string name, FeatureInput<TItem> input, Func<TModel, IReadOnlyList<TItem>, IReadOnlyList<ClassPrediction>> predict)
    {
        _env = env ?? throw new ArgumentNullException(nameof(env));
        _name = name;
        _input = input;
        _predict = predict;
    }

    /// <summary>The pipeline's schema after the classifier; throws ML.NET's schema errors for a missing or mistyped column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema, ClassifierColumnNames columns)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        KeyLabel.CheckShape(inputSchema, columns.Label);
        _input.CheckShape(inputSchema, columns.Feature);
        return ScoreColumns.OutputShape(inputSchema, columns.Score, columns.PredictedLabel, columns.Label);
    }

    /// <summary>Reads the examples, trains with <paramref name="train"/> and wraps the model in a transformer.</summary>
    /// <param name="trainData">Training data.</param>
    /// <param name="validationData">Validation data with the same label key, or null.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="seed">The options' seed, or null to draw one from the environment (so <c>MLContext(seed)</c> decides it).</param>
    /// <param name="skipInvalidInputs">Skip and count rows whose input cannot be read instead of failing.</param>
    /// <param name="previous">The model a warm start continues from (the label key must hold its classes), or null.</param>
    /// <param name="train">Trains the model.</param>
    public MomentumClassificationTransformer<TModel> Fit(IDataView trainData, IDataView? validationData, ClassifierColumnNames columns, int? seed,
        bool skipInvalidInputs, MomentumClassificationTransformer<TModel>? previous, Func<TrainingExamples<TItem>, TModel> train)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        columns.Validate();
        var host = _env.Register(_name);
        using var channel = host.Start("Training");
        var label = KeyLabel.From(trainData.Schema, columns.Label);
        if (previous is not null) WarmStartLabels.RequireSame(columns.Label, previous.Model.ClassNames, label.ClassNames, nameof(trainData));
        var feature = _input.Find(trainData.Schema, columns.Feature, "input");
        var examples = Read(trainData, label, feature, skipInvalidInputs, channel, "training");
        IReadOnlyList<(string, TItem)>? validation = null;
        if (validationData is not null)
        {
            var validationLabel = KeyLabel.From(validationData.Schema, columns.Label);
            if (!validationLabel.ClassNames.SequenceEqual(label.ClassNames, StringComparer.Ordinal))
            {
                throw new ArgumentException($"The validation data's label '{columns.Label}' has other key values than the training data's; map both with the same MapValueToKey.", nameof(validationData));
            }
            validation = Read(validationData, validationLabel, _input.Find(validationData.Schema, columns.Feature, nameof(validationData)), skipInvalidInputs, channel, "validation");
        }
        var runSeed = seed ?? host.Rand.Next();
        channel.Info(MessageSensitivity.None, "{0}: training on {1} rows of '{2}' ({3}), {4} classes, seed {5}{6}.",
            _name, examples.Count, feature.Name, feature.Type, label.Count, runSeed, previous is null ? "" : ", continuing from the previous model");
        var model = train(new TrainingExamples<TItem>(examples, validation, runSeed, progress => channel.Info(MessageSensitivity.None, "{0}", EpochMessage(progress))));
        channel.Info(MessageSensitivity.None, "{0}: trained {1:N0} parameters.", _name, model.ParameterCount);
        var scorer = new ModelScorer<TItem>(_input, items => _predict(model, items), model.ClassNames, label.ClassNames);
        return new MomentumClassificationTransformer<TModel>(model, feature, new ScoreColumns(columns.Score, columns.PredictedLabel, label), scorer,
            schema => _input.Find(schema, columns.Feature, "inputSchema"));
    }

    /// <summary>The line logged at the end of an epoch.</summary>
    internal static string EpochMessage(TrainingProgress progress)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Epoch {progress.Epoch}/{progress.MaxEpoch}: loss {progress.EpochLoss:F4}, accuracy {progress.EpochAccuracy:P2}, learning rate {progress.Optimizer.LearningRate:G4}");
        return progress.Validation is { } validation
            ? line + string.Create(CultureInfo.InvariantCulture, $", validation accuracy {validation.Accuracy:P2}, validation log-loss {validation.LogLoss:F4}")
            : line;
    }

    private List<(string Label, TItem Item)> Read(IDataView data, KeyLabel label, DataViewSchema.Column feature, bool skipInvalid, IChannel channel, string what)
    {
        var examples = new List<(string, TItem)>();
        int missing = 0, invalid = 0;
        using (var cursor = data.GetRowCursor([label.Column, feature]))
        {
            var readLabel = label.CreateReader(cursor);
            var readInput = _input.CreateReader(cursor, feature);
            while (cursor.MoveNext())
            {
                var key = readLabel();
                if (key < 0)
                {
                    missing++;
                    continue;
                }
                try
                {
                    examples.Add((label.ClassNames[key], readInput()));
                }
                catch (InvalidDataException) when (skipInvalid)
                {
                    invalid++;
                }
            }
        }
        if (missing > 0) channel.Warning(MessageSensitivity.None, "{0}: skipped {1} {2} rows whose label '{3}' is missing.", _name, missing, what, label.Column.Name);
        if (invalid > 0) channel.Warning(MessageSensitivity.None, "{0}: skipped {1} {2} rows whose {3} could not be read.", _name, invalid, what, _input.Role);
        return examples;
    }
}
