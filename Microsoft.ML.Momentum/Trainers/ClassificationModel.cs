using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Training;

namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// What image and text classifiers share: the trained network, the class names, thread-safe inference,
/// evaluation and the versioned, atomically written model zip. Prediction is thread-safe: calls are
/// serialized around the TorchSharp forward pass (libtorch parallelizes each batch internally).
/// </summary>
public abstract class ClassificationModel : IDisposable
{
    private readonly TorchModel _model;
    private readonly object _gate = new();
    private bool _disposed;

    private protected ClassificationModel(TorchModel model, IReadOnlyList<string> classNames, TrainingResult? training)
    {
        _model = model;
        _model.IsTraining = false;
        ClassNames = classNames;
        Training = training;
    }

    /// <summary>Class names by class index (the order of <see cref="ClassPrediction.Score"/>).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The network's architecture and options.</summary>
    internal NetworkSpec Network => _model.Spec;

    /// <summary>Where the weights live.</summary>
    public ComputeDevice Device => _model.Device;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => _model.ParameterCount;

    /// <summary>The run that produced this model (epoch history, selected epoch); null for a model loaded from a file.</summary>
    public TrainingResult? Training { get; }

    /// <summary>The optimizer's final state when the run kept it (<c>KeepOptimizerState</c>), for a warm start to continue; null otherwise.</summary>
    internal OptimizerSnapshot? OptimizerState { get; init; }

    private protected int ClassCount => ClassNames.Count;

    /// <summary>A new network on <paramref name="device"/> with this model's architecture and a copy of its weights (what a warm start trains).</summary>
    internal TorchModel CopyNetwork(ComputeDevice device, ulong seed)
    {
        var weights = Path.Combine(Path.GetTempPath(), $"momentum-warm-{Guid.NewGuid():N}.pt");
        try
        {
            WithModel(model => model.Save(weights));
            var copy = TorchModel.Create(Network, device, seed);
            try
            {
                copy.Load(weights);
                return copy;
            }
            catch
            {
                copy.Dispose();
                throw;
            }
        }
        finally
        {
            File.Delete(weights);
        }
    }

    /// <summary>Runs <paramref name="forward"/> on the TorchSharp model under the model's lock.</summary>
    private protected T WithModel<T>(Func<TorchModel, T> forward)
    {
        T result = default!;
        WithModel(model => { result = forward(model); });
        return result;
    }

    /// <summary>Runs <paramref name="use"/> on the TorchSharp model under the model's lock.</summary>
    private protected void WithModel(Action<TorchModel> use)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            use(_model);
        }
    }

    /// <summary>Metrics over a whole source.</summary>
    private protected ClassificationMetrics EvaluateSource(IBatchSource source, int batchSize, CancellationToken cancellation)
        => WithModel(model => ModelBatchRunner.Evaluate(model, source, batchSize, cancellation));

    /// <summary>Turns a logits row into a prediction with softmax scores.</summary>
    private protected ClassPrediction ToPrediction(ReadOnlySpan<float> logits)
    {
        var scores = new float[logits.Length];
        var best = MetricsAccumulator.ArgMax(logits);
        double sum = 0;
        for (var i = 0; i < logits.Length; i++) sum += Math.Exp(logits[i] - logits[best]);
        for (var i = 0; i < logits.Length; i++) scores[i] = (float)(Math.Exp(logits[i] - logits[best]) / sum);
        return new ClassPrediction(ClassNames[best], best, scores);
    }

    /// <summary>Predictions for <paramref name="count"/> examples whose logits <paramref name="forward"/> writes.</summary>
    private protected ClassPrediction[] PredictMany(int count, Action<TorchModel, Span<float>> forward)
    {
        var logits = new float[count * ClassCount];
        WithModel(model => forward(model, logits));
        var predictions = new ClassPrediction[count];
        for (var i = 0; i < count; i++) predictions[i] = ToPrediction(logits.AsSpan(i * ClassCount, ClassCount));
        return predictions;
    }

    /// <summary>Writes the model zip (atomically: an existing file is replaced only once the new one is complete).</summary>
    private protected void SaveArchive(string path, string task, JsonObject preprocessing, JsonObject? training,
        IReadOnlyDictionary<string, string>? attachments = null)
        => WithModel(model => ModelArchive.Save(path, new ModelArchive.Manifest(task, model.Spec, ClassNames, preprocessing, training, attachments), model));

    /// <summary>The optimizer's configuration as JSON (what a saved model records of its training), or null.</summary>
    private protected static JsonObject? OptimizerNode(Optimizer? optimizer)
        => optimizer is null ? null : JsonNode.Parse(OptimizerJson.Serialize(optimizer))!.AsObject();

    /// <summary>The model zip's "training" node: the optimizer's configuration and the run's history; null when neither is known.</summary>
    private protected static JsonObject? TrainingNode(TrainingResult? result, JsonObject? optimizer)
    {
        if (result is null && optimizer is null) return null;
        return new JsonObject
        {
            ["optimizer"] = optimizer?.DeepClone(),
            ["result"] = result is null ? null : JsonSerializer.SerializeToNode(result, TrainingJsonContext.Default.TrainingResult),
        };
    }

    /// <summary>The run history recorded in a model zip's "training" node, if any.</summary>
    private protected static TrainingResult? ResultOf(JsonObject? training)
    {
        try
        {
            return training?["result"] is { } node ? node.Deserialize(TrainingJsonContext.Default.TrainingResult) : null;
        }
        catch (JsonException e)
        {
            throw new FormatException($"the training history in model.json is malformed ({e.Message})", e);
        }
    }

    /// <summary>Releases the TorchSharp weights.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _model.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
