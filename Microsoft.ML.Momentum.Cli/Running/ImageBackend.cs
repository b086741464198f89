using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The image scenario: trains <see cref="ImageClassificationTrainer"/> on a config's folder, IDX or csv/tsv data
/// and saves the model; loads image model zips for <c>evaluate</c> and <c>predict</c>.
/// </summary>
internal sealed class ImageBackend : ITrainingBackend, IModelBackend
{
    public string Task => ImageClassificationModel.Task;

    public bool Supports(string scenario) => scenario == ConfigNames.ImageClassification;

    public TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken)
    {
        var config = request.Config;
        var settings = (ImageTrainerSettings)request.Settings;
        var source = config.DataSource;
        var workspace = config.Output.WorkspacePath;
        var device = DeviceOption.Resolve(settings.Device, $"{config.SourcePath}: environment.device");
        var validation = source.Validation is { } v ? ImageDataSources.For(source, v, "validation", workspace) : null;
        var heldOut = new HeldOutValidation(request.Progress);
        var options = ImageTrainerOptionsFactory.Create(settings, device, validation, request.Resume, heldOut.Observe);
        using var model = new ImageClassificationTrainer(options).Fit(ImageDataSources.For(source, source.Train, "train", workspace), cancellationToken);
        model.Save(config.Output.ModelPath);
        var result = model.Training!;
        if (source.Test is { } test)
        {
            var metrics = model.Evaluate(ImageDataSources.For(source, test, "test", workspace), settings.LabelColumnName, settings.ImageColumnName, cancellationToken);
            return new TrainingRunOutcome(result, model.ClassNames, metrics, "test");
        }
        if (validation is not null)
        {
            var metrics = model.Evaluate(validation, settings.LabelColumnName, settings.ImageColumnName, cancellationToken);
            return new TrainingRunOutcome(result, model.ClassNames, metrics, "validation");
        }
        return new TrainingRunOutcome(result, model.ClassNames, heldOut.MetricsOf(result.SelectedEpoch), "validation");
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
