using Microsoft.ML.Momentum.Trainers;
using Microsoft.ML.Momentum.Training;
using Microsoft.ML.Data;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// What both scenarios do around their ML.NET estimator: map the label to a key (in the training data's class order),
/// fit with the validation view, save the model zip and the ML.NET model zip, and score the test (or validation)
/// view through the fitted pipeline for the final metrics.
/// </summary>
internal static class EstimatorRun
{
    /// <param name="request">The run.</param>
    /// <param name="ml">The ML.NET context of the run.</param>
    /// <param name="views">The data.</param>
    /// <param name="fit">Fits the estimator on keyed training data, validating on the keyed validation view (or null), reporting to the progress callback.</param>
    /// <param name="save">Writes the model zip.</param>
    /// <param name="cancellationToken">Stops the final scoring.</param>
    public static TrainingRunOutcome Train<TModel>(TrainingRunRequest request, MLContext ml, LabeledViews views,
        Func<IDataView, IDataView?, Action<TrainingProgress>, MomentumClassificationTransformer<TModel>> fit, Action<TModel, string> save, CancellationToken cancellationToken)
        where TModel : ClassificationModel
    {
        var keyData = ml.Data.LoadFromEnumerable(views.ClassNames.Select(n => new ClassNameRow { Label = n }));
        var keys = ml.Transforms.Conversion.MapValueToKey(ViewColumns.Label, keyData: keyData).Fit(views.Train);
        var heldOut = new HeldOutValidation(request.Progress);
        var transformer = fit(keys.Transform(views.Train), views.Validation is { } validation ? keys.Transform(validation) : null, heldOut.Observe);
        var model = transformer.Model;
        try
        {
            var output = request.Config.Output;
            save(model, output.ModelPath);
            var pipeline = new TransformerChain<ITransformer>(keys, transformer);
            var mlNetModel = MlNetModelFile.Save(ml, pipeline, views.Train.Schema, output.MlNetModelPath);
            var (finalView, split) = views.Test is { } test ? (test, "test") : views.Validation is { } v ? (v, "validation") : (null, "validation");
            if (finalView is null)
            {
                return new TrainingRunOutcome(model.Training!, model.ClassNames, heldOut.MetricsOf(model.Training!.SelectedEpoch), split, mlNetModel);
            }
            // Scored metrics are in label-key order, which is the data's class order, not necessarily the model's.
            var final = ScoredMetrics.Of(pipeline.Transform(finalView), views.ClassNames.Count, cancellationToken);
            return new TrainingRunOutcome(model.Training!, views.ClassNames, final, split, mlNetModel);
        }
        finally
        {
            model.Dispose();
        }
    }
}
