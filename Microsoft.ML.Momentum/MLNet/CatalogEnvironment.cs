using System.Reflection;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The ML.NET environment (the <see cref="MLContext"/>) behind a trainer catalog. ML.NET does not make it public
/// (<c>CatalogInstantiatorBase.Owner</c> and <c>TrainCatalogBase.Environment</c> are internal), so it is read here by
/// reflection, in this one place; if a later ML.NET renames them, this fails with a message saying what to use instead.
/// </summary>
internal static class CatalogEnvironment
{
    private static readonly PropertyInfo? Owner = typeof(TrainCatalogBase.CatalogInstantiatorBase).GetProperty("Owner", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly PropertyInfo? Environment = typeof(TrainCatalogBase).GetProperty("Environment", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The environment of the context that created <paramref name="catalog"/>.</summary>
    /// <exception cref="InvalidOperationException">This version of ML.NET hides the environment elsewhere.</exception>
    public static IHostEnvironment Of(TrainCatalogBase.CatalogInstantiatorBase catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (Owner?.GetValue(catalog) is TrainCatalogBase owner && Environment?.GetValue(owner) is IHostEnvironment environment) return environment;
        throw new InvalidOperationException(
            $"Microsoft.ML.Momentum cannot find the MLContext behind this catalog in ML.NET {typeof(TrainCatalogBase).Assembly.GetName().Version}; " +
            "create the trainer with its constructor instead, e.g. new MomentumImageClassificationTrainer(mlContext, options).");
    }
}
