namespace Microsoft.ML.Momentum.Schedules;

/// <summary>How OneCycle interpolates between its phase end points.</summary>
public enum AnnealStrategy
{
    /// <summary>Half-cosine interpolation (PyTorch's default).</summary>
    Cosine,

    /// <summary>Linear interpolation (what ML.NET's text trainers use).</summary>
    Linear,
}
