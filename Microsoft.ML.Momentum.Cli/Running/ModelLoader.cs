using Microsoft.ML.Momentum.Engine;

namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>Opens a model zip with the backend its manifest's task names.</summary>
internal static class ModelLoader
{
    public static ILoadedModel Open(string path, ComputeDevice device, IReadOnlyList<IModelBackend> backends)
    {
        var task = ModelManifestReader.ReadTask(path);
        var backend = backends.FirstOrDefault(b => b.Task == task)
            ?? throw new InvalidDataException($"'{path}' holds a {task} model; this build of momentum reads {Known(backends)} models.");
        return backend.Load(path, device);
    }

    private static string Known(IReadOnlyList<IModelBackend> backends)
        => backends.Count == 0 ? "no" : string.Join(" and ", backends.Select(b => b.Task));
}
