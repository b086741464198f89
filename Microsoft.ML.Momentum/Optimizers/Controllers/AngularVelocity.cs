namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// AutoDrop's angle between successive displacements, in degrees: (180/π)·acos(⟨a,b⟩ / (‖a‖‖b‖ + ε)), computed in
/// double with the cosine clamped to [−1, 1] so rounding never produces NaN. A zero vector gives 90°.
/// </summary>
public static class AngularVelocity
{
    /// <summary>The ε added to the norm product: a pure zero guard, far below any representable product of float norms.</summary>
    public const double Epsilon = 1e-300;

    /// <summary>The angle from ⟨a,b⟩, ‖a‖² and ‖b‖² (all in double).</summary>
    /// <param name="dot">⟨a, b⟩.</param>
    /// <param name="normSquaredA">‖a‖².</param>
    /// <param name="normSquaredB">‖b‖².</param>
    public static double Degrees(double dot, double normSquaredA, double normSquaredB)
    {
        var cosine = dot / (Math.Sqrt(normSquaredA) * Math.Sqrt(normSquaredB) + Epsilon);
        return Math.Acos(Math.Clamp(cosine, -1.0, 1.0)) * (180.0 / Math.PI);
    }

    /// <summary>The angle between two vectors of the same length.</summary>
    /// <param name="a">First vector.</param>
    /// <param name="b">Second vector.</param>
    public static double Degrees(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"The vectors have {a.Length} and {b.Length} elements.", nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return Degrees(dot, na, nb);
    }
}
