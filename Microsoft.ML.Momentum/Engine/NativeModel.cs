namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// A network of the native model zoo. All trainable parameters live in one flat float32 buffer
/// (<see cref="Parameters"/>) and their gradients in another (<see cref="Gradients"/>); the buffers keep their
/// storage for the model's whole life, so an optimizer can update them in place between steps.
/// </summary>
public sealed unsafe class NativeModel : IDisposable
{
    private readonly ModelHandle _handle;
    private bool _training = true;

    private NativeModel(ModelHandle handle, NetworkSpec spec, ComputeDevice device)
    {
        _handle = handle;
        Spec = spec;
        Device = device;
        ExampleShape = ReadExampleShape(handle);
        NativeError.Check(NativeMethods.ModelInputKind(handle, out var kind), "reading the input kind");
        InputKind = (ModelInputKind)kind;
        NativeError.Check(NativeMethods.ModelParameterCount(handle, out var count), "reading the parameter count");
        ParameterCount = count;
        NativeError.Check(NativeMethods.ModelClassCount(handle, out var classes), "reading the class count");
        ClassCount = checked((int)classes);
        NativeError.Check(NativeMethods.ModelParameters(handle, out var parameters), "reading the parameter buffer");
        Parameters = new NativeVector(parameters, device);
        NativeError.Check(NativeMethods.ModelGradients(handle, out var gradients), "reading the gradient buffer");
        Gradients = new NativeVector(gradients, device);
    }

    /// <summary>Creates a network with parameters initialised from <paramref name="seed"/> alone.</summary>
    /// <param name="spec">Architecture and options.</param>
    /// <param name="device">Where the parameters live; the CPU when null.</param>
    /// <param name="seed">Seed of the parameter initialisation (also reseeds libtorch's global generator).</param>
    public static NativeModel Create(NetworkSpec spec, ComputeDevice? device = null, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        device ??= ComputeDevice.Cpu;
        NativeError.Check(NativeMethods.ModelCreate(spec.Architecture, spec.OptionsText, device.Name, seed, out var handle),
            $"creating a '{spec.Architecture}' model on {device}");
        return new NativeModel(handle, spec, device);
    }

    /// <summary>The architecture and options this model was created from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Where the parameters live.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Whether the network takes float inputs (images) or token ids (text).</summary>
    public ModelInputKind InputKind { get; }

    /// <summary>Shape of one input example, e.g. [1, 28, 28]; [-1] for token sequences of any length.</summary>
    public IReadOnlyList<long> ExampleShape { get; }

    /// <summary>Number of floats in one input example.</summary>
    public long ExampleLength => ExampleShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <summary>Number of classes (width of the logits).</summary>
    public int ClassCount { get; }

    /// <summary>The flat parameter buffer (shares the model's storage).</summary>
    public NativeVector Parameters { get; }

    /// <summary>The flat gradient buffer (shares the model's storage; filled by each training step).</summary>
    public NativeVector Gradients { get; }

    /// <summary>Training mode (dropout active, batch-norm statistics updated) or evaluation mode.</summary>
    public bool IsTraining
    {
        get => _training;
        set
        {
            NativeError.Check(NativeMethods.ModelSetTraining(_handle, value ? 1 : 0), "setting the training mode");
            _training = value;
        }
    }

    /// <summary>
    /// One training step on a minibatch: zero the gradients, forward, mean cross-entropy, backward. The inputs
    /// are read in place. The parameters are not changed; an optimizer does that from <see cref="Gradients"/>.
    /// </summary>
    /// <param name="inputs">Batch × example floats, row-major.</param>
    /// <param name="labels">One class index per example, in [0, <see cref="ClassCount"/>).</param>
    public TrainStepResult TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<long> labels)
    {
        Span<long> shape = stackalloc long[ExampleShape.Count + 1];
        FillShape(shape, BatchSizeOf(inputs.Length, labels.Length));
        return TrainStep(inputs, shape, labels);
    }

    /// <summary>A training step with an explicit input shape ([batch, …example shape]), checked by the engine.</summary>
    /// <param name="inputs">The inputs, row-major in <paramref name="shape"/>.</param>
    /// <param name="shape">Full input shape including the batch dimension.</param>
    /// <param name="labels">One class index per example.</param>
    public TrainStepResult TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<long> shape, ReadOnlySpan<long> labels)
    {
        long expected = 1;
        foreach (var d in shape) expected *= d;
        if (shape.IsEmpty || expected != inputs.Length || labels.Length != shape[0])
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] does not describe {inputs.Length} input floats with {labels.Length} labels.", nameof(shape));
        }
        fixed (float* x = inputs)
        fixed (long* y = labels)
        fixed (long* s = shape)
        {
            NativeError.Check(NativeMethods.ModelTrainStep(_handle, x, s, shape.Length, y, out var loss, out var correct), "training step");
            return new TrainStepResult(loss, correct);
        }
    }

    /// <summary>Computes logits (batch × classes, row-major) without recording gradients.</summary>
    /// <param name="inputs">Batch × example floats, row-major.</param>
    /// <param name="logits">Receives batch × <see cref="ClassCount"/> floats.</param>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> logits)
    {
        Span<long> shape = stackalloc long[ExampleShape.Count + 1];
        FillShape(shape, BatchSizeOf(inputs.Length, null));
        fixed (float* x = inputs)
        fixed (float* output = logits)
        fixed (long* s = shape)
        {
            NativeError.Check(NativeMethods.ModelForward(_handle, x, s, shape.Length, output, logits.Length), "forward");
        }
    }

    /// <summary>Computes logits for a batch and returns them as a new array.</summary>
    /// <param name="inputs">Batch × example floats, row-major.</param>
    public float[] Forward(ReadOnlySpan<float> inputs)
    {
        var logits = new float[BatchSizeOf(inputs.Length, null) * ClassCount];
        Forward(inputs, logits);
        return logits;
    }

    /// <summary>
    /// One training step of a text network on token ids [batch, <paramref name="sequenceLength"/>] (0 = padding);
    /// otherwise as the float overload.
    /// </summary>
    /// <param name="tokens">Batch × sequence length ids, row-major.</param>
    /// <param name="sequenceLength">Tokens per example (after padding).</param>
    /// <param name="labels">One class index per example.</param>
    public TrainStepResult TrainStepTokens(ReadOnlySpan<long> tokens, int sequenceLength, ReadOnlySpan<long> labels)
    {
        Span<long> shape = [TokenBatchSize(tokens.Length, sequenceLength), sequenceLength];
        if (labels.Length != shape[0]) throw new ArgumentException($"The batch has {shape[0]} examples but {labels.Length} labels.", nameof(labels));
        fixed (long* x = tokens)
        fixed (long* y = labels)
        fixed (long* s = shape)
        {
            NativeError.Check(NativeMethods.ModelTrainStepTokens(_handle, x, s, 2, y, out var loss, out var correct), "training step");
            return new TrainStepResult(loss, correct);
        }
    }

    /// <summary>Logits (batch × classes) of a text network for token ids [batch, <paramref name="sequenceLength"/>].</summary>
    /// <param name="tokens">Batch × sequence length ids, row-major (0 = padding).</param>
    /// <param name="sequenceLength">Tokens per example.</param>
    /// <param name="logits">Receives batch × <see cref="ClassCount"/> floats.</param>
    public void ForwardTokens(ReadOnlySpan<long> tokens, int sequenceLength, Span<float> logits)
    {
        Span<long> shape = [TokenBatchSize(tokens.Length, sequenceLength), sequenceLength];
        fixed (long* x = tokens)
        fixed (float* output = logits)
        fixed (long* s = shape)
        {
            NativeError.Check(NativeMethods.ModelForwardTokens(_handle, x, s, 2, output, logits.Length), "forward");
        }
    }

    /// <summary>Writes the weights (parameters and buffers such as batch-norm statistics) to a file.</summary>
    /// <param name="path">Destination file.</param>
    public void Save(string path) => NativeError.Check(NativeMethods.ModelSave(_handle, path), $"saving weights to '{path}'");

    /// <summary>Reads weights written by <see cref="Save"/> for the same architecture into this model.</summary>
    /// <param name="path">Source file.</param>
    public void Load(string path) => NativeError.Check(NativeMethods.ModelLoad(_handle, path), $"loading weights from '{path}'");

    /// <summary>Frees the native model and its buffers.</summary>
    public void Dispose()
    {
        Parameters.Dispose();
        Gradients.Dispose();
        _handle.Dispose();
    }

    private long BatchSizeOf(int inputLength, int? labelCount)
    {
        var perExample = ExampleLength;
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

    private static long TokenBatchSize(int tokenCount, int sequenceLength)
    {
        if (sequenceLength < 1 || tokenCount == 0 || tokenCount % sequenceLength != 0)
        {
            throw new ArgumentException($"{tokenCount} token ids do not form a positive number of sequences of length {sequenceLength}.", "tokens");
        }
        return tokenCount / sequenceLength;
    }

    private void FillShape(Span<long> shape, long batch)
    {
        shape[0] = batch;
        for (var i = 0; i < ExampleShape.Count; i++) shape[i + 1] = ExampleShape[i];
    }

    private static long[] ReadExampleShape(ModelHandle handle)
    {
        Span<long> dims = stackalloc long[8];
        fixed (long* d = dims)
        {
            NativeError.Check(NativeMethods.ModelExampleShape(handle, d, dims.Length, out var ndim), "reading the input shape");
            return dims[..ndim].ToArray();
        }
    }
}
