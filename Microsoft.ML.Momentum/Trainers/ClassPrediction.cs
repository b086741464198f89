namespace Microsoft.ML.Momentum.Trainers;

/// <summary>A classifier's answer for one example, in ML.NET's terms: the predicted label and the score of every class.</summary>
/// <param name="PredictedLabel">Name of the most probable class.</param>
/// <param name="PredictedClass">Index of that class in <see cref="ClassificationModel.ClassNames"/>.</param>
/// <param name="Score">Softmax probability of each class, by class index (sums to 1).</param>
public sealed record ClassPrediction(string PredictedLabel, int PredictedClass, IReadOnlyList<float> Score);
