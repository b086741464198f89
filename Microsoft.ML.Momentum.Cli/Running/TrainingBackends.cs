namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>The trainers <c>momentum train</c> can use, one per scenario (the image and text trainers register here).</summary>
internal static class TrainingBackends
{
    public static IReadOnlyList<ITrainingBackend> All { get; } = [];
}
