using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// Every P/Invoke into libmomentum_native, in one place. Each returns an <see cref="NativeStatus"/> code;
/// callers pass it to <see cref="NativeError.Check"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string LibraryName = "momentum_native";

    static NativeMethods() => NativeLibraryResolver.Register();

    // ---- runtime ----
    [LibraryImport(LibraryName, EntryPoint = "mm_last_error")]
    internal static partial byte* LastError();

    [LibraryImport(LibraryName, EntryPoint = "mm_torch_version")]
    internal static partial int TorchVersion(out byte* version);

    [LibraryImport(LibraryName, EntryPoint = "mm_set_num_threads")]
    internal static partial int SetNumThreads(int threads);

    [LibraryImport(LibraryName, EntryPoint = "mm_get_num_threads")]
    internal static partial int GetNumThreads(out int threads);

    [LibraryImport(LibraryName, EntryPoint = "mm_manual_seed")]
    internal static partial int ManualSeed(ulong seed);

    [LibraryImport(LibraryName, EntryPoint = "mm_rng_state", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int RngState(string device, byte* buffer, long capacity, out long length);

    [LibraryImport(LibraryName, EntryPoint = "mm_set_rng_state", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetRngState(string device, byte* buffer, long length);

    [LibraryImport(LibraryName, EntryPoint = "mm_cuda_device_count")]
    internal static partial int CudaDeviceCount(out int count);

    [LibraryImport(LibraryName, EntryPoint = "mm_check_device", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CheckDevice(string device);

    [LibraryImport(LibraryName, EntryPoint = "mm_live_object_count")]
    internal static partial long LiveObjectCount();

    // ---- tensors ----
    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_from_host", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TensorFromHost(float* data, long length, string device, out TensorHandle tensor);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_zeros", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TensorZeros(long length, string device, out TensorHandle tensor);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_length")]
    internal static partial int TensorLength(TensorHandle tensor, out long length);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_copy_to_host")]
    internal static partial int TensorCopyToHost(TensorHandle tensor, float* destination, long length);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_copy_from_host")]
    internal static partial int TensorCopyFromHost(TensorHandle tensor, float* source, long length);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_host_data")]
    internal static partial int TensorHostData(TensorHandle tensor, out float* data);

    [LibraryImport(LibraryName, EntryPoint = "mm_tensor_free")]
    internal static partial void TensorFree(IntPtr tensor);

    // ---- models ----
    [LibraryImport(LibraryName, EntryPoint = "mm_model_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelCreate(string architecture, string options, string device, ulong seed, out ModelHandle model);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_free")]
    internal static partial void ModelFree(IntPtr model);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_parameter_count")]
    internal static partial int ModelParameterCount(ModelHandle model, out long count);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_class_count")]
    internal static partial int ModelClassCount(ModelHandle model, out long count);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_example_shape")]
    internal static partial int ModelExampleShape(ModelHandle model, long* shape, int capacity, out int ndim);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_parameters")]
    internal static partial int ModelParameters(ModelHandle model, out TensorHandle tensor);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_gradients")]
    internal static partial int ModelGradients(ModelHandle model, out TensorHandle tensor);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_set_training")]
    internal static partial int ModelSetTraining(ModelHandle model, int training);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_train_step")]
    internal static partial int ModelTrainStep(ModelHandle model, float* inputs, long* shape, int ndim, long* labels, out double loss, out long correct);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_forward")]
    internal static partial int ModelForward(ModelHandle model, float* inputs, long* shape, int ndim, float* logits, long logitsLength);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_train_step_tokens")]
    internal static partial int ModelTrainStepTokens(ModelHandle model, long* tokens, long* shape, int ndim, long* labels, out double loss, out long correct);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_forward_tokens")]
    internal static partial int ModelForwardTokens(ModelHandle model, long* tokens, long* shape, int ndim, float* logits, long logitsLength);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_input_kind")]
    internal static partial int ModelInputKind(ModelHandle model, out int kind);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_save", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelSave(ModelHandle model, string path);

    [LibraryImport(LibraryName, EntryPoint = "mm_model_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelLoad(ModelHandle model, string path);
}
