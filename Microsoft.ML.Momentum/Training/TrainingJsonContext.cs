using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Momentum.Training;

/// <summary>Source-generated JSON metadata for the loop's checkpoint state (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainingState))]
[JsonSerializable(typeof(TrainingResult))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
