using Microsoft.ML.Momentum.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Momentum.Networks;

/// <summary>
/// A network of the zoo on TorchSharp, with all trainable parameters in one flat float32 buffer
/// (<see cref="Parameters"/>) and their gradients in another (<see cref="Gradients"/>); the buffers keep their
/// storage for the model's whole life, so an optimizer can update them in place between steps. Every step runs in
/// its own dispose scope, so the model holds no tensors but its own between calls.
/// </summary>
internal sealed class TorchModel : IDisposable
{
    private readonly ClassifierNetwork _network;
    private readonly (string Name, Tensor Value)[] _buffers;
    private bool _training = true;
    private bool _disposed;

    private TorchModel(NetworkSpec spec, ClassifierNetwork network, ComputeDevice device)
    {
        Spec = spec;
        Device = device;
        _network = network;
        (Parameters, Gradients) = FlatParameters.Flatten(network, device);
        _buffers = network.named_buffers().Select(b => (b.name, b.buffer)).ToArray();
        _network.train();
    }

    /// <summary>Creates a network with parameters initialised from <paramref name="seed"/> alone.</summary>
    /// <param name="spec">Architecture and options.</param>
    /// <param name="device">Where the parameters live; the CPU when null.</param>
    /// <param name="seed">Seed of the parameter initialisation (also reseeds libtorch's global generator).</param>
    public static TorchModel Create(NetworkSpec spec, ComputeDevice? device = null, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        device ??= ComputeDevice.Cpu;
        TorchRuntime.ApplyThreadSetting();
        ClassifierNetwork network;
        // Seeding and initialisation share libtorch's process-wide generator: another thread seeding in between
        // would change this network's initial weights.
        lock (TorchRuntime.GeneratorGate)
        {
            TorchRuntime.ManualSeed(seed);
            // TorchSharp's Conv layers leave a temporary tensor behind in their initialisation: the scope frees it, after
            // the network's own parameters and buffers (some of which TorchSharp creates inside the scope) are taken out.
            using var scope = NewDisposeScope();
            network = NetworkFactory.Create(spec);
            scope.Detach(network.parameters());
            scope.Detach(network.buffers());
        }
        try
        {
            if (!device.IsCpu) network.to(device.ToTorch());
            return new TorchModel(spec, network, device);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The architecture and options this model was created from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Where the parameters live.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Whether the network takes float inputs (images) or token ids (text).</summary>
    public ModelInputKind InputKind => _network.InputKind;

    /// <summary>Shape of one input example, e.g. [1, 28, 28]; [-1] for token sequences of any length.</summary>
    public IReadOnlyList<long> ExampleShape => _network.ExampleShape;

    /// <summary>Number of floats in one input example.</summary>
    public long ExampleLength => ExampleShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => Parameters.Length;

    /// <summary>Number of classes (width of the logits).</summary>
    public int ClassCount => _network.ClassCount;

    /// <summary>The flat parameter buffer (shares the network's storage).</summary>
    public FlatVector Parameters { get; }

    /// <summary>The flat gradient buffer (shares the network's storage; filled by each training step).</summary>
    public FlatVector Gradients { get; }

    /// <summary>The TorchSharp module (for ONNX export and tests); owned by this model.</summary>
    public nn.Module<Tensor, Tensor> Module => Live()._network;

    /// <summary>Training mode (dropout active, batch-norm statistics updated) or evaluation mode.</summary>
    public bool IsTraining
    {
        get => _training;
        set
        {
            Live()._network.train(value);
            _training = value;
        }
    }

    /// <summary>
    /// One training step on a minibatch: zero the gradients, forward, mean cross-entropy, backward. The parameters
    /// are not changed; an optimizer does that from <see cref="Gradients"/>.
    /// </summary>
    /// <param name="inputs">Batch × example floats, row-major.</param>
    /// <param name="labels">One class index per example, in [0, <see cref="ClassCount"/>).</param>
    public TrainStepResult TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<long> labels) =>
        TrainStep(inputs, FullShape(BatchSizeOf(inputs.Length, labels.Length)), labels);

    /// <summary>A training step with an explicit input shape ([batch, …example shape]), checked against the network.</summary>
    public TrainStepResult TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<long> shape, ReadOnlySpan<long> labels)
    {
        CheckShape(inputs.Length, shape, labels.Length);
        using var scope = NewDisposeScope();
        return Train(InputTensors.Dense(inputs, shape, _network, Device), labels);
    }

    /// <summary>
    /// One training step of a text network on token ids [batch, <paramref name="sequenceLength"/>] (0 = padding);
    /// otherwise as the float overload.
    /// </summary>
    public TrainStepResult TrainStepTokens(ReadOnlySpan<long> tokens, int sequenceLength, ReadOnlySpan<long> labels)
    {
        var batch = TokenBatchSize(tokens.Length, sequenceLength);
        if (labels.Length != batch) throw new ArgumentException($"The batch has {batch} examples but {labels.Length} labels.", nameof(labels));
        using var scope = NewDisposeScope();
        return Train(InputTensors.Tokens(tokens, batch, sequenceLength, _network, Device), labels);
    }

    /// <summary>Computes logits (batch × classes, row-major) without recording gradients.</summary>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> logits)
    {
        var shape = FullShape(BatchSizeOf(inputs.Length, null));
        using var scope = NewDisposeScope();
        Infer(InputTensors.Dense(inputs, shape, _network, Device), logits);
    }

    /// <summary>Computes logits for a batch and returns them as a new array.</summary>
    public float[] Forward(ReadOnlySpan<float> inputs)
    {
        var logits = new float[BatchSizeOf(inputs.Length, null) * ClassCount];
        Forward(inputs, logits);
        return logits;
    }

    /// <summary>Logits (batch × classes) of a text network for token ids [batch, <paramref name="sequenceLength"/>].</summary>
    public void ForwardTokens(ReadOnlySpan<long> tokens, int sequenceLength, Span<float> logits)
    {
        var batch = TokenBatchSize(tokens.Length, sequenceLength);
        using var scope = NewDisposeScope();
        Infer(InputTensors.Tokens(tokens, batch, sequenceLength, _network, Device), logits);
    }

    /// <summary>The named buffers (batch-norm statistics), in a fixed order; empty for networks without any.</summary>
    internal IReadOnlyList<(string Name, Tensor Value)> Buffers => Live()._buffers;

    /// <summary>Writes the weights (parameters and buffers such as batch-norm statistics) to a file.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the weights to <paramref name="stream"/> in the format of <see cref="Save(string)"/>.</summary>
    public void Save(Stream stream) => WeightsFile.Write(stream, Live().Parameters.Tensor, _buffers);

    /// <summary>Reads weights written by <see cref="Save(string)"/> for the same architecture into this model.</summary>
    public void Load(string path)
    {
        using var stream = File.OpenRead(path);
        WeightsFile.Read(stream, path, Spec.Architecture, Live().Parameters.Tensor, _buffers);
    }

    /// <summary>Frees the network and its buffers. A second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Parameters.Dispose();
        Gradients.Dispose();
        _network.Dispose();
    }

    private TrainStepResult Train(Tensor x, ReadOnlySpan<long> labels)
    {
        TorchRuntime.ApplyThreadSetting();
        var y = InputTensors.Labels(labels, _network, Device);
        Gradients.Tensor.zero_();
        var logits = _network.call(x);
        var loss = nn.functional.cross_entropy(logits, y);
        loss.backward();
        var correct = logits.argmax(1).eq(y).sum().item<long>();
        return new TrainStepResult(loss.item<float>(), correct);
    }

    private void Infer(Tensor x, Span<float> logits)
    {
        TorchRuntime.ApplyThreadSetting();
        var batch = x.shape[0];
        var expected = batch * ClassCount;
        if (logits.Length != expected)
        {
            throw new ArgumentException($"The logits buffer holds {logits.Length} floats; {batch} examples x {ClassCount} classes need {expected}.", nameof(logits));
        }
        using var _ = no_grad();
        var result = _network.call(x).cpu().contiguous();
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(result.bytes).CopyTo(logits);
    }

    private TorchModel Live()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return this;
    }

    private void CheckShape(int inputLength, ReadOnlySpan<long> shape, int labelCount)
    {
        Live();
        long expected = 1;
        foreach (var d in shape) expected *= d;
        if (shape.IsEmpty || expected != inputLength || labelCount != shape[0])
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] does not describe {inputLength} input floats with {labelCount} labels.", nameof(shape));
        }
    }

    private long BatchSizeOf(int inputLength, int? labelCount)
    {
        Live();
        var perExample = ExampleLength;
        if (InputKind != ModelInputKind.Dense)
        {
            throw new ArgumentException($"architecture '{Spec.Architecture}' takes token ids, not float inputs", "inputs");
        }
        if (inputLength == 0 || inputLength % perExample != 0)
        {
            throw new ArgumentException(
                $"The input holds {inputLength} floats, which is not a positive multiple of one example's {perExample} " +
                $"([{string.Join(", ", ExampleShape)}]).", "inputs");
        }
        var batch = inputLength / perExample;
        if (labelCount is { } count && count != batch)
        {
            throw new ArgumentException($"The batch has {batch} examples but {count} labels.", "labels");
        }
        return batch;
    }

    private long TokenBatchSize(int tokenCount, int sequenceLength)
    {
        Live();
        if (sequenceLength < 1 || tokenCount == 0 || tokenCount % sequenceLength != 0)
        {
            throw new ArgumentException($"{tokenCount} token ids do not form a positive number of sequences of length {sequenceLength}.", "tokens");
        }
        return tokenCount / sequenceLength;
    }

    private long[] FullShape(long batch) => [batch, .. ExampleShape];
}
