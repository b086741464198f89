namespace Microsoft.ML.Momentum.Cli.Running;

/// <summary>
/// The scenarios this build supports, one backend each: <see cref="ITrainingBackend"/> for <c>train</c> and
/// <c>compare</c>, and (the same object) <see cref="IModelBackend"/> for <c>evaluate</c> and <c>predict</c>.
/// A new scenario is one class implementing both, added to <see cref="All"/>.
/// </summary>
internal static class TrainingBackends
{
    public static IReadOnlyList<ITrainingBackend> All { get; } = [new ImageBackend(), new TextBackend()];

    /// <summary>The model readers among <paramref name="backends"/>.</summary>
    public static IReadOnlyList<IModelBackend> ModelBackends(IReadOnlyList<ITrainingBackend> backends) => backends.OfType<IModelBackend>().ToArray();
}
