using Microsoft.ML.Momentum.Trainers;

namespace Microsoft.ML.Momentum;

/// <summary>
/// The entry point, in the spirit of ML.NET's <c>MLContext</c>: holds the seed shared by everything created
/// from it and exposes the trainer catalogs (<c>context.MulticlassClassification.Trainers.ImageClassification(...)</c>).
/// </summary>
public sealed class MomentumContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="seed">Seed for trainers whose options set none; null uses 1, so runs are reproducible by default.</param>
    public MomentumContext(int? seed = null)
    {
        Seed = seed;
        MulticlassClassification = new Trainers.MulticlassClassificationCatalog(this);
    }

    /// <summary>The context's seed (null: trainers use 1 unless their options say otherwise).</summary>
    public int? Seed { get; }

    /// <summary>Multiclass classification trainers.</summary>
    public Trainers.MulticlassClassificationCatalog MulticlassClassification { get; }
}
