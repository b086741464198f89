namespace Microsoft.ML.Momentum.Engine;

/// <summary>Status codes returned by the native engine (mirrors <c>mm_status</c> in momentum_native.h).</summary>
public enum NativeStatus
{
    /// <summary>The call succeeded.</summary>
    Ok = 0,
    /// <summary>A failure inside libtorch or the shim that fits no other code.</summary>
    Error = 1,
    /// <summary>A bad shape, label, option, device string or null pointer.</summary>
    InvalidArgument = 2,
    /// <summary>A host or device allocation failed.</summary>
    OutOfMemory = 3,
    /// <summary>The loaded libtorch cannot do what was asked (for example CUDA in a CPU-only build).</summary>
    NotAvailable = 4,
    /// <summary>A file could not be read or written.</summary>
    IoError = 5,
}
