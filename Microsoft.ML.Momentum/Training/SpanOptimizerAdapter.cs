using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Training;

/// <summary>Drives a span-based <see cref="SgdMomentum"/> from the training loop over a CPU model's flat buffers.</summary>
internal sealed class SpanOptimizerAdapter(SgdMomentum optimizer) : ITrainingOptimizer
{
    private float[]? _bufferSnapshot;

    public OptimizerDiagnostics Diagnostics => new() { LearningRate = optimizer.LearningRate, Momentum = optimizer.Momentum };

    public void Begin(long totalSteps, long stepsPerEpoch) { }

    public void Step(NativeModel model, double loss) => optimizer.Step(model.Parameters.AsSpan(), model.Gradients.AsSpan(), loss);

    public void EndEpoch(int epoch, double? validationLoss) { }

    public void SaveState(Stream stream)
    {
        _bufferSnapshot = optimizer.ExportBuffer();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(optimizer.StepCount);
        writer.Write(_bufferSnapshot?.Length ?? -1);
        foreach (var value in _bufferSnapshot ?? []) writer.Write(value);
    }

    public void LoadState(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var steps = reader.ReadInt64();
        var length = reader.ReadInt32();
        var buffer = length < 0 ? null : Enumerable.Range(0, length).Select(_ => reader.ReadSingle()).ToArray();
        optimizer.ImportState(steps, buffer);
    }
}
