namespace Microsoft.ML.Momentum.Trainers;

/// <summary>
/// Creates multiclass trainers, each in ML.NET's two forms: a simple overload with column names and a few
/// common settings, and one taking the trainer's full <c>Options</c>.
/// </summary>
public sealed partial class MulticlassClassificationTrainers
{
    private readonly MomentumContext _context;

    internal MulticlassClassificationTrainers(MomentumContext context) => _context = context;
}
