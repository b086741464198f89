using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The text scenario: fits the ML.NET text estimator (<c>MomentumTextClassification</c>) on a config's csv, tsv, json
/// or jsonLines data (<see cref="TextDataViews"/>) and saves the model; loads text model zips for <c>evaluate</c> and <c>predict</c>.
/// </summary>
internal sealed class TextBackend : ITrainingBackend, IModelBackend
{
    public string Task => TextClassificationModel.Task;

    public bool Supports(string scenario) => scenario == ConfigNames.TextClassification;

    public TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken)
    {
        var config = request.Config;
        if (config.DataSource.Columns.Text2 is not null)
        {
            throw new ConfigException($"{config.SourcePath}: dataSource.columns.text2: sentence pairs cannot be trained through the ML.NET text estimator yet; remove 'text2'.");
        }
        var ml = new MLContext(RunOptions.SeedOf(config));
        var views = TextDataViews.For(ml, config.DataSource);
        return EstimatorRun.Train(request, ml, views, (train, validation, progress) =>
            ml.MulticlassClassification.Trainers.MomentumTextClassification(new MomentumTextClassificationTrainer.Options
            {
                LabelColumnName = ViewColumns.Label,
                TextColumnName = ViewColumns.Text,
                ScoreColumnName = ViewColumns.Score,
                Trainer = (TextClassificationTrainer.Options)RunOptions.For(config, request.Resume, progress),
                CancellationToken = cancellationToken,
            }).Fit(train, validation), (model, path) => model.Save(path), cancellationToken);
    }

    public ILoadedModel Load(string path, ComputeDevice device) => new LoadedTextModel(TextClassificationModel.Load(path, device));

    private sealed class LoadedTextModel(TextClassificationModel model) : ILoadedModel
    {
        public IReadOnlyList<string> ClassNames => model.ClassNames;

        public ClassificationMetrics Evaluate(EvaluationData data, CancellationToken cancellationToken)
            => model.Evaluate(TextDataSources.ForPath(data.Path), data.LabelColumn ?? model.LabelColumnName, data.InputColumn ?? model.TextColumnName,
                model.Text2ColumnName, cancellation: cancellationToken);

        public IReadOnlyList<(string Input, ClassPrediction Prediction)> Predict(PredictionRequest request)
        {
            var texts = PredictionInputs.Read(request, model.TextColumnName, arePaths: false);
            return texts.Zip(model.PredictBatch(texts)).ToArray();
        }

        public void Dispose() => model.Dispose();
    }
}
