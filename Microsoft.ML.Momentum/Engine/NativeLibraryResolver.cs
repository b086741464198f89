using System.Reflection;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>
/// Finds libmomentum_native (next to this assembly, or where MOMENTUM_NATIVE_LIBRARY points) and, when it or
/// libtorch cannot be loaded, fails with a message that says what to install.
/// </summary>
internal static class NativeLibraryResolver
{
    /// <summary>Environment variable that names the native library file explicitly.</summary>
    public const string PathVariable = "MOMENTUM_NATIVE_LIBRARY";

    private static int _registered;

    /// <summary>Installs the resolver once; <see cref="NativeMethods"/>' static constructor calls it before any P/Invoke.</summary>
    internal static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName) return IntPtr.Zero;
        var candidates = Candidates(assembly).ToList();
        var failures = new List<string>();
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            try
            {
                return NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                failures.Add($"{path}: {e.Message}");
            }
        }
        throw new DllNotFoundException(Explain(candidates, failures));
    }

    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath)) yield return explicitPath;
        var fileName = OperatingSystem.IsMacOS() ? "libmomentum_native.dylib" : "libmomentum_native.so";
#pragma warning disable IL3000 // Location is empty in single-file apps; AppContext.BaseDirectory covers that case.
        var assemblyDirectory = Path.GetDirectoryName(assembly.Location);
#pragma warning restore IL3000
        foreach (var directory in new[] { assemblyDirectory, AppContext.BaseDirectory })
        {
            if (!string.IsNullOrEmpty(directory)) yield return Path.Combine(directory, fileName);
        }
    }

    private static string Explain(IReadOnlyList<string> candidates, IReadOnlyList<string> failures)
    {
        var tried = string.Join(", ", candidates);
        if (failures.Count == 0)
        {
            return $"The native engine libmomentum_native was not found (looked at: {tried}). It is built by " +
                   $"'dotnet build' from native/ with CMake; run 'bash build/setup.sh' once to install libtorch-dev, g++ " +
                   $"and cmake, or set {PathVariable} to the library's path.";
        }
        var reason = string.Join("; ", failures);
        var libtorchMissing = reason.Contains("libtorch", StringComparison.Ordinal) || reason.Contains("libc10", StringComparison.Ordinal);
        return libtorchMissing
            ? $"libmomentum_native was found but libtorch could not be loaded ({reason}). Install libtorch: " +
              "'sudo apt-get install libtorch-dev' on Debian/Ubuntu (or run 'bash build/setup.sh'), or rebuild native/ " +
              "against your libtorch with Torch_DIR set."
            : $"libmomentum_native could not be loaded ({reason}). Rebuild it with 'dotnet build' after 'bash build/setup.sh'.";
    }
}
