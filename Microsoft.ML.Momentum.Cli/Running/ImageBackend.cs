using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The image scenario: fits the ML.NET image estimator (<c>MomentumImageClassification</c>) on a config's folder,
/// IDX or csv/tsv data (<see cref="ImageDataViews"/>) and saves the model; loads image model zips for <c>evaluate</c> and <c>predict</c>.
/// </summary>
internal sealed class ImageBackend : ITrainingBackend, IModelBackend
{
    public string Task => ImageClassificationModel.Task;

    public bool Supports(string scenario) => scenario == ConfigNames.ImageClassification;

    public TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken)
    {
        var config = request.Config;
        var ml = new MLContext(RunOptions.SeedOf(config));
        var origin = new RowOrigin();
        var views = ImageDataViews.For(ml, config.DataSource, origin);
        try
        {
            return EstimatorRun.Train(request, ml, views, (train, validation, progress) =>
                ml.MulticlassClassification.Trainers.MomentumImageClassification(new MomentumImageClassificationTrainer.Options
                {
                    LabelColumnName = ViewColumns.Label,
                    ImageColumnName = ViewColumns.Image,
                    ScoreColumnName = ViewColumns.Score,
                    Trainer = (ImageClassificationTrainer.Options)RunOptions.For(config, request.Resume, progress),
                    CancellationToken = cancellationToken,
                }).Fit(train, validation), (model, path) => model.Save(path), cancellationToken);
        }
        catch (InvalidDataException e) when (e.Data.Contains(ImageFeatureInput.RowPositionKey) && origin.Current is { } file)
        {
            throw new InvalidDataException($"Image '{file}' could not be decoded: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    public ILoadedModel Load(string path, ComputeDevice device) => new LoadedImageModel(ImageClassificationModel.Load(path, device));

    private sealed class LoadedImageModel(ImageClassificationModel model) : ILoadedModel
    {
        public IReadOnlyList<string> ClassNames => model.ClassNames;

        public ClassificationMetrics Evaluate(EvaluationData data, CancellationToken cancellationToken)
            => model.Evaluate(ImageDataSources.ForPath(data.Path, data.LabelsPath), data.LabelColumn ?? "Label", data.InputColumn ?? "ImagePath", cancellationToken);

        public IReadOnlyList<(string Input, ClassPrediction Prediction)> Predict(PredictionRequest request)
        {
            var paths = PredictionInputs.Read(request, "ImagePath");
            foreach (var path in paths)
            {
                if (!File.Exists(path)) throw new FileNotFoundException($"image '{path}' was not found.", path);
            }
            return paths.Zip(model.PredictBatch(paths)).ToArray();
        }

        public void Dispose() => model.Dispose();
    }
}
