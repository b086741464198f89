namespace Microsoft.ML.Momentum.Trainers;

/// <summary>The multiclass classification task of a <see cref="MomentumContext"/> (ML.NET's <c>MulticlassClassificationCatalog</c>).</summary>
public sealed class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog(MomentumContext context) => Trainers = new MulticlassClassificationTrainers(context);

    /// <summary>The trainers of this task.</summary>
    public MulticlassClassificationTrainers Trainers { get; }
}
