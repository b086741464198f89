namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// A failure reported by the native engine (libtorch through libmomentum_native) that is not a plain bad
/// argument or I/O error; <see cref="Status"/> tells which kind.
/// </summary>
public sealed class NativeEngineException : Exception
{
    /// <summary>Creates the exception for a native status and message.</summary>
    /// <param name="status">The native status code.</param>
    /// <param name="message">The message, naming the operation and what went wrong.</param>
    public NativeEngineException(NativeStatus status, string message) : base(message) => Status = status;

    /// <summary>The native status code that caused this exception.</summary>
    public NativeStatus Status { get; }
}
