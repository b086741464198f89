using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>Turns native status codes into .NET exceptions that carry the native message.</summary>
internal static unsafe class NativeError
{
    /// <summary>Throws when <paramref name="status"/> is not OK; <paramref name="operation"/> prefixes the message.</summary>
    public static void Check(int status, string operation)
    {
        if (status == (int)NativeStatus.Ok) return;
        var message = $"{operation}: {LastMessage()}";
        throw (NativeStatus)status switch
        {
            NativeStatus.InvalidArgument => new ArgumentException(message),
            NativeStatus.IoError => new IOException(message),
            var other when Enum.IsDefined(other) => new NativeEngineException(other, message),
            _ => new NativeEngineException(NativeStatus.Error, message),
        };
    }

    private static string LastMessage()
    {
        var text = Marshal.PtrToStringUTF8((IntPtr)NativeMethods.LastError());
        return string.IsNullOrEmpty(text) ? "unknown native error" : text;
    }
}
