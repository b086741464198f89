using Microsoft.ML.Momentum.Cli.Config;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The text scenario: trains <see cref="TextClassificationTrainer"/> on a config's csv, tsv, json or jsonLines data
/// and saves the model; loads text model zips for <c>evaluate</c> and <c>predict</c>.
/// </summary>
internal sealed class TextBackend : ITrainingBackend, IModelBackend
{
    public string Task => TextClassificationModel.Task;

    public bool Supports(string scenario) => scenario == ConfigNames.TextClassification;

    public TrainingRunOutcome Train(TrainingRunRequest request, CancellationToken cancellationToken)
    {
        var config = request.Config;
        var settings = (TextTrainerSettings)request.Settings;
        var source = config.DataSource;
        var device = DeviceOption.Resolve(settings.Device, $"{config.SourcePath}: environment.device");
        var validation = source.Validation is { } v ? TextDataSources.For(source, v) : null;
        var heldOut = new HeldOutValidation(request.Progress);
        var options = TextTrainerOptionsFactory.Create(settings, device, validation, request.Resume, heldOut.Observe);
        using var model = new TextClassificationTrainer(options).Fit(TextDataSources.For(source, source.Train), cancellationToken);
        model.Save(config.Output.ModelPath);
        var result = model.Training!;
        if (source.Test is { } test)
        {
            return new TrainingRunOutcome(result, model.ClassNames, model.Evaluate(TextDataSources.For(source, test), cancellation: cancellationToken), "test");
        }
        if (validation is not null)
        {
            return new TrainingRunOutcome(result, model.ClassNames, model.Evaluate(validation, cancellation: cancellationToken), "validation");
        }
        return new TrainingRunOutcome(result, model.ClassNames, heldOut.MetricsOf(result.SelectedEpoch), "validation");
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
